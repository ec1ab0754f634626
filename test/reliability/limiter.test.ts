import { describe, expect, it } from "vitest";
import { createLimiter } from "../../src/ops/limiter.js";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("the limiter in front of deferred answers", () => {
  it("runs at most its slots at once, in the order work arrived", async () => {
    const limiter = createLimiter(() => 2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        limiter.run(async () => {
          started.push(i);
          running += 1;
          most = Math.max(most, running);
          await tick();
          running -= 1;
        }),
      ),
    );
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("lets others go on while one waits on another service, then gives it a turn again", async () => {
    const limiter = createLimiter(() => 1);
    const events: string[] = [];
    let answer: () => void = () => {};
    const slow = limiter.run(async () => {
      events.push("slow starts");
      await limiter.stepAside(() => new Promise<void>((resolve) => (answer = resolve)));
      events.push("slow resumes");
    });
    const quick = limiter.run(async () => {
      events.push("quick runs");
    });
    await quick;
    answer();
    await slow;
    expect(events).toEqual(["slow starts", "quick runs", "slow resumes"]);
  });

  it("starts fewer at once while its slots are fewer (the event loop behind)", async () => {
    let slots = 4;
    const limiter = createLimiter(() => slots);
    let running = 0;
    const most: number[] = [];
    const work = () =>
      limiter.run(async () => {
        running += 1;
        most.push(running);
        await tick();
        running -= 1;
      });
    const first = Array.from({ length: 4 }, work);
    slots = 1;
    const later = Array.from({ length: 4 }, work);
    await Promise.all([...first, ...later]);
    expect(most.slice(0, 4)).toEqual([1, 2, 3, 4]);
    expect(Math.max(...most.slice(4))).toBe(1);
  });

  it("frees the slot when work fails", async () => {
    const limiter = createLimiter(() => 1);
    await expect(limiter.run(async () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await limiter.run(async () => "next")).toBe("next");
  });
});
