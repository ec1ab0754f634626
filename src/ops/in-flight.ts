/** Work started and not yet finished, so a shutdown can wait for it before closing the database. */
export type InFlight = {
  track<T>(work: () => Promise<T>): Promise<T>;
  readonly size: number;
  /** Resolves true once nothing is in flight, or false if work is still running after `timeoutMs`. */
  drained(timeoutMs: number): Promise<boolean>;
};

export function createInFlight(): InFlight {
  let count = 0;
  const waiters = new Set<() => void>();
  return {
    async track(work) {
      count += 1;
      try {
        return await work();
      } finally {
        count -= 1;
        if (count === 0) for (const wake of waiters) wake();
      }
    },
    get size() {
      return count;
    },
    drained(timeoutMs) {
      if (count === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const done = (drained: boolean) => {
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(drained);
        };
        const wake = () => done(true);
        const timer = setTimeout(() => done(false), timeoutMs);
        waiters.add(wake);
      });
    },
  };
}
