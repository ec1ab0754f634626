/**
 * Groups writes made in the same turn of the event loop, or while an earlier batch is in flight, so a
 * burst reaches the database as a few statements of many rows instead of one statement per row. Each
 * statement has a fixed cost (parse, plan, commit), and on the embedded store it runs on the bot's own
 * thread, where under a burst that cost, not the rows, was what fell behind. A batch leaves at the end of
 * the turn it was started in (`setImmediate`), so nothing waits for a batch to fill.
 */
export type WriteBatches<Item, Result> = (item: Item) => Promise<Result>;

/** Enough for the embedded store's one connection, and for a server: a batch takes a few milliseconds. */
export const ONE_STATEMENT_AT_A_TIME = 1;

export type WriteBatchesOptions = {
  /** Rows per statement, at most. */
  maxItems: number;
  /** Statements in flight at once: 1 for the embedded store (one connection), more for a pool. */
  concurrency: number;
  /** Whether a batch's failure may be one row's fault (then each is tried alone); by default, rowRefused. */
  rowFault?: (error: unknown) => boolean;
};

/**
 * PostgreSQL refused a row's data (SQLSTATE class 22, data exception, or 23, integrity constraint):
 * another row of the batch may go in alone. Any other failure (the server gone, a timeout) fails every
 * row, and trying them one by one would only make each wait for it again.
 */
export function rowRefused(error: unknown): boolean {
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } })?.meta
    ?.driverAdapterError?.cause;
  const code = typeof cause?.originalCode === "string" ? cause.originalCode : "";
  return code.startsWith("22") || code.startsWith("23");
}

/**
 * `write` stores a batch and returns one result per item, in order. When a batch fails because of a
 * row, its items are written again one by one, so one bad row fails only its own request.
 */
export function createWriteBatches<Item, Result>(
  write: (items: Item[]) => Promise<Result[]>,
  options: WriteBatchesOptions,
): WriteBatches<Item, Result> {
  type Waiting = { item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void };
  const queue: Waiting[] = [];
  let inFlight = 0;
  let scheduled = false;

  const schedule = () => {
    if (scheduled || queue.length === 0 || inFlight >= options.concurrency) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      void flush();
      schedule();
    });
  };

  const writeAlone = async (waiting: Waiting) => {
    try {
      const [result] = await write([waiting.item]);
      waiting.resolve(result as Result);
    } catch (error) {
      waiting.reject(error);
    }
  };

  const flush = async () => {
    const batch = queue.splice(0, options.maxItems);
    inFlight += 1;
    try {
      const results = await write(batch.map((waiting) => waiting.item));
      for (const [at, waiting] of batch.entries()) waiting.resolve(results[at] as Result);
    } catch (error) {
      const rowFault = options.rowFault ?? rowRefused;
      if (batch.length > 1 && rowFault(error)) for (const waiting of batch) await writeAlone(waiting);
      else for (const waiting of batch) waiting.reject(error);
    } finally {
      inFlight -= 1;
      schedule();
    }
  };

  return (item) =>
    new Promise<Result>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      schedule();
    });
}
