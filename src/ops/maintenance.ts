import { logFailure } from "../slack/log.js";
import type { AppLogger } from "../slack/logger.js";
import { inRequestScope, jobRequestId } from "./request-scope.js";
import { type RetentionJobDeps, runRetentionJob } from "./retention-job.js";

/** Every instance looks this often; the retention job itself runs once a period across instances. */
export const MAINTENANCE_EVERY_MS = 5 * 60 * 1000;

export type MaintenanceOptions = {
  retention: RetentionJobDeps;
  /** Summaries waiting for a choice are candidate text: deleted once expired, on every tick. */
  pendingRequests: { deleteExpired(now: Date): Promise<number> };
  logger: AppLogger;
  everyMs?: number;
};

export type Maintenance = {
  /** One tick now (the timer also runs one at start). */
  tick(): Promise<void>;
  /** No more ticks; resolves when the one under way, if any, has finished. */
  stop(): Promise<void>;
};

/** The app's housekeeping on a timer: expired pending requests, then the retention job when it is due. */
export function startMaintenance(options: MaintenanceOptions): Maintenance {
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= inRequestScope({ requestId: jobRequestId("maintenance") }, () => runTick(options)).finally(
      () => {
        running = null;
      },
    );
    return running;
  };
  const timer = setInterval(tick, options.everyMs ?? MAINTENANCE_EVERY_MS);
  timer.unref();
  void tick();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

async function runTick({ retention, pendingRequests, logger }: MaintenanceOptions): Promise<void> {
  try {
    const deleted = await pendingRequests.deleteExpired(retention.clock());
    if (deleted > 0) logger.log("info", "Deleted expired pending requests", { count: deleted });
  } catch (error) {
    logFailure(logger, "Deleting expired pending requests", error);
  }
  try {
    const run = await runRetentionJob(retention);
    if (run.ran) {
      logger.log("info", "Retention job ran", {
        assessments: run.assessments,
        cachedAnswers: run.cachedAnswers,
        requestKeys: run.requestKeys,
      });
    }
  } catch (error) {
    logFailure(logger, "Retention job", error);
  }
}
