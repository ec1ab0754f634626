import { describe, expect, it } from "vitest";
import { createWriteBatches } from "../../../src/adapters/db/write-batches.js";

/** A store that takes a turn of the event loop per write and remembers the batches it was given. */
function recordingStore(fail: (item: number) => boolean = () => false) {
  const batches: number[][] = [];
  const write = async (items: number[]) => {
    batches.push(items);
    await new Promise((resolve) => setImmediate(resolve));
    if (items.some(fail)) throw new Error(`cannot store ${items.filter(fail).join(", ")}`);
    return items.map((item) => item * 10);
  };
  return { batches, write };
}

describe("write batches", () => {
  it("writes at once, alone, when nothing is in flight", async () => {
    const store = recordingStore();
    const add = createWriteBatches(store.write, { maxItems: 50, concurrency: 1 });
    expect(await add(1)).toBe(10);
    expect(await add(2)).toBe(20);
    expect(store.batches).toEqual([[1], [2]]);
  });

  it("groups writes made in the same turn, up to the batch size, in order", async () => {
    const store = recordingStore();
    const add = createWriteBatches(store.write, { maxItems: 3, concurrency: 1 });
    const results = await Promise.all([1, 2, 3, 4, 5, 6, 7].map(add));
    expect(results).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(store.batches).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });

  it("groups what arrives while a batch is in flight into the next one", async () => {
    const store = recordingStore();
    const add = createWriteBatches(store.write, { maxItems: 50, concurrency: 1 });
    const first = add(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.batches).toEqual([[1]]);
    const later = [add(2), add(3)];
    await new Promise((resolve) => setImmediate(resolve));
    const last = add(4);
    expect(await Promise.all([first, ...later, last])).toEqual([10, 20, 30, 40]);
    expect(store.batches).toEqual([[1], [2, 3, 4]]);
  });

  it("keeps at most `concurrency` writes in flight", async () => {
    let inFlight = 0;
    let most = 0;
    const add = createWriteBatches(
      async (items: number[]) => {
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight -= 1;
        return items;
      },
      { maxItems: 2, concurrency: 2 },
    );
    expect(await Promise.all(Array.from({ length: 20 }, (_, i) => add(i)))).toHaveLength(20);
    expect(most).toBe(2);
  });

  it("fails only the item that cannot be stored when its batch fails because of a row", async () => {
    const store = recordingStore((item) => item === 3);
    const add = createWriteBatches(store.write, { maxItems: 10, concurrency: 1, rowFault: () => true });
    const results = await Promise.allSettled([1, 2, 3, 4].map(add));
    expect(results.map((result) => result.status)).toEqual([
      "fulfilled",
      "fulfilled",
      "rejected",
      "fulfilled",
    ]);
    expect(results[2]).toMatchObject({ reason: { message: "cannot store 3" } });
    // Together, which failed, then each of them again.
    expect(store.batches).toEqual([[1, 2, 3, 4], [1], [2], [3], [4]]);
  });

  it("fails the whole batch at once when the failure is not a row's (the store gone)", async () => {
    const store = recordingStore(() => true);
    const add = createWriteBatches(store.write, { maxItems: 10, concurrency: 1, rowFault: () => false });
    const results = await Promise.allSettled([1, 2, 3].map(add));
    expect(results.map((result) => result.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(store.batches).toEqual([[1, 2, 3]]);
  });

  it("goes on writing after a failure", async () => {
    const store = recordingStore((item) => item === 1);
    const add = createWriteBatches(store.write, { maxItems: 10, concurrency: 1 });
    await expect(add(1)).rejects.toThrow("cannot store 1");
    expect(await add(2)).toBe(20);
  });
});
