/**
 * How late this process's timers fire, smoothed: a busy event loop answers everything late, and the
 * first thing Slack notices is an acknowledgement missing its three seconds.
 */
export type LagMeter = { lagMs(): number };

export function startLagMeter(everyMs = 20): LagMeter {
  let lag = 0;
  let expected = performance.now() + everyMs;
  const timer = setInterval(() => {
    const now = performance.now();
    // Moving average over about ten samples (200 ms).
    lag += (Math.max(0, now - expected) - lag) / 10;
    expected = now + everyMs;
  }, everyMs);
  timer.unref();
  return { lagMs: () => lag };
}
