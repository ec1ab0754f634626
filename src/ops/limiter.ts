import { AsyncLocalStorage } from "node:async_hooks";

/** Runs at most `slots()` pieces of work at once; the rest wait their turn, first come first served. */
export type Limiter = {
  run<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Called from inside `run`: gives the slot up while `wait` is pending (a slow call to another service,
   * which needs no CPU nor database here), and takes a turn again for the rest of the work.
   */
  stepAside<T>(wait: () => Promise<T>): Promise<T>;
};

/** `slots` is read whenever work starts or ends, so it may change with the process's load. */
export function createLimiter(slots: () => number): Limiter {
  let running = 0;
  const waiting: (() => void)[] = [];
  const holders = new AsyncLocalStorage<{ holding: boolean }>();
  const acquire = async () => {
    if (waiting.length === 0 && running < slots()) running += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = () => {
    running -= 1;
    while (waiting.length > 0 && running < slots()) {
      running += 1;
      waiting.shift()?.();
    }
  };
  return {
    async run(work) {
      await acquire();
      const holder = { holding: true };
      try {
        return await holders.run(holder, work);
      } finally {
        if (holder.holding) release();
      }
    },
    async stepAside(wait) {
      const holder = holders.getStore();
      if (!holder?.holding) return wait();
      holder.holding = false;
      release();
      try {
        return await wait();
      } finally {
        await acquire();
        holder.holding = true;
      }
    },
  };
}
