/**
 * `npm start`: the composition root. With Slack credentials it connects to Slack (Socket Mode when
 * SLACK_APP_TOKEN is set, the HTTP endpoint otherwise); without them, or with `--console`, it opens the
 * local console, which answers the same commands with the same Block Kit, rendered as text.
 */
import { userInfo } from "node:os";
import { createExtractionCacheRepository } from "./adapters/db/extraction-cache-repository.js";
import { createPendingRequestRepository } from "./adapters/db/pending-request-repository.js";
import { createProcessedRequestRepository } from "./adapters/db/processed-request-repository.js";
import { createRecurringJobRepository } from "./adapters/db/recurring-job-repository.js";
import { createOpenAiAssessor } from "./adapters/openai/create-openai-assessor.js";
import { type AppContext, openAppContext } from "./app-context.js";
import { type Config, ConfigError, loadConfig } from "./config.js";
import { runConsole } from "./console/console.js";
import { type MaintenanceOptions, startMaintenance } from "./ops/maintenance.js";
import { SHUTDOWN_GRACE_MS, startSlackService } from "./ops/slack-service.js";
import { getProfileById } from "./services/find-profile.js";
import type { StarterLoadProgress } from "./services/load-starter-library.js";
import { type CreateSlackDepsOptions, createSlackDeps } from "./slack/deps.js";
import { describeFailure } from "./slack/log.js";
import { type AppLogger, createLogger } from "./slack/logger.js";
import { awayFromAnswerSlot } from "./slack/run-answer.js";

async function main(argv: string[]): Promise<number> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (config.slack && !argv.includes("--console")) return startSlack(config);
  return startConsole(config);
}

/**
 * First start loads about a thousand profiles: say what is happening. On a terminal, one line kept up
 * to date on stderr; otherwise a line when a stage starts and ends, and at most every few seconds in
 * between, through `line` (the service's log in Slack mode).
 */
function progressReporter(line?: (text: string) => void): (progress: StarterLoadProgress) => void {
  const started = new Set<string>();
  const finished = new Set<string>();
  let lastShown = 0;
  return ({ stage, done, total }) => {
    const now = Date.now();
    if (!line && process.stderr.isTTY) {
      if (now - lastShown < 100 && done !== total) return;
      process.stderr.write(`\rFirst start, loading the starter library: ${stage} ${done}/${total}\u001b[K`);
      lastShown = now;
      return;
    }
    const news = !started.has(stage) || (done === total && !finished.has(stage)) || now - lastShown > 3_000;
    started.add(stage);
    if (done === total) finished.add(stage);
    if (!news) return;
    const text = `Loading the starter library: ${stage} ${done}/${total}`;
    if (line) line(text);
    else process.stderr.write(`${text}\n`);
    lastShown = now;
  };
}

/**
 * With OPENAI_API_KEY set, fits are read by the model (quotes checked against the summary) with the
 * local engine as the fallback; without it, by the local engine alone.
 */
function withModel(context: AppContext, warn: (line: string) => void): CreateSlackDepsOptions {
  const model = createOpenAiAssessor(context.config.openai, {
    cache: createExtractionCacheRepository(context.database.prisma),
    onCacheError: (error) =>
      warn(`The extraction cache is unavailable (${describeFailure(error)}); asking the model directly`),
    onModelFailure: (error) =>
      warn(`OpenAI gave no usable answer (${error.reason}); the local engine answered`),
  });
  if (!model) return {};
  return {
    assessor: async (summary, profileId) => {
      const profile = getProfileById(await context.library.get(), profileId);
      return (await awayFromAnswerSlot(() => model(summary, profile))).fit;
    },
  };
}

async function startConsole(config: Config): Promise<number> {
  let context: AppContext;
  try {
    context = await openAppContext(config, { onStarterProgress: progressReporter() });
  } catch (error) {
    // The store in use by another process, say: what to do is in the message.
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  // The same housekeeping as the Slack app (retention, expired pending summaries); only its failures show.
  const maintenance = startMaintenance(maintenanceOf(context, createLogger("error")));
  try {
    const deps = createSlackDeps(
      context,
      withModel(context, (line) => process.stderr.write(`${line}\n`)),
    );
    await deps.library();
    if (process.stderr.isTTY) process.stderr.write("\r\u001b[K");
    if (!config.slack) {
      process.stderr.write(
        "Slack is not configured (see docs/slack-setup.md), so this is the local console.\n",
      );
    }
    process.stderr.write("Type /profile help for the commands, /help for the console, Ctrl-D to leave.\n");
    // Ctrl-C leaves like Ctrl-D, so the embedded database is closed cleanly.
    const interrupted = new AbortController();
    process.once("SIGINT", () => interrupted.abort());
    await runConsole({
      signal: interrupted.signal,
      deps,
      input: process.stdin,
      output: process.stdout,
      userId: `console-${userInfo().username}`,
      interactive: process.stdin.isTTY === true,
    });
    return 0;
  } finally {
    await maintenance.stop();
    // An open embedded database keeps the process alive.
    await context.close();
  }
}

async function startSlack(config: Config): Promise<number> {
  const slack = config.slack;
  if (!slack) throw new Error("unreachable: startSlack without Slack settings");
  const logger = createLogger(config.logLevel);
  guardProcess(logger);
  let context: AppContext;
  try {
    context = await openAppContext(config, {
      onStarterProgress: progressReporter((line) => logger.info(line)),
    });
  } catch (error) {
    // Nothing a user typed is involved yet, so the message is worth having.
    const reason = error instanceof Error ? `: ${error.message}` : "";
    logger.error(`Could not open the store: ${describeFailure(error)}${reason}`);
    return 1;
  }
  const deps = createSlackDeps(
    context,
    withModel(context, (line) => logger.warn(line)),
  );
  await deps.library();
  const maintenance = startMaintenance(maintenanceOf(context, logger));
  const service = await startSlackService({
    slack,
    database: context.database,
    deps,
    logger,
    listen: config.port,
  });
  logger.info(
    slack.connection.mode === "socket"
      ? `Connected to Slack in Socket Mode; GET /healthz on port ${config.port}`
      : `Listening for Slack on port ${config.port} at /slack/events; GET /healthz`,
  );

  await new Promise<void>((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
  logger.info("Stopping: taking no new requests, finishing those in flight");
  const { drained } = await service.stop(SHUTDOWN_GRACE_MS);
  await maintenance.stop();
  await context.close();
  logger.log(drained ? "info" : "error", "Stopped", { drained });
  return drained ? 0 : 1;
}

/** The housekeeping every instance runs; the retention job itself runs once an hour across instances. */
function maintenanceOf(context: AppContext, logger: AppLogger): MaintenanceOptions {
  const { prisma } = context.database;
  const cache = createExtractionCacheRepository(prisma);
  return {
    retention: {
      jobs: createRecurringJobRepository(prisma),
      assessments: context.assessmentRepository,
      audit: context.auditRepository,
      purgeModelCache: (before) => cache.purgeCreatedBefore(before),
      processedRequests: createProcessedRequestRepository(prisma),
      retentionDays: context.config.retentionDays,
      clock: () => new Date(),
    },
    pendingRequests: createPendingRequestRepository(prisma),
    logger,
  };
}

/**
 * Failures no request handled are logged like the rest (by kind, never with their message, which may
 * carry data): a stray rejected promise is noted and the bot keeps serving; an uncaught exception
 * leaves the process in an unknown state, so it exits and is restarted.
 */
function guardProcess(logger: AppLogger): void {
  process.on("unhandledRejection", (reason) =>
    logger.error(`Unhandled rejection: ${describeFailure(reason)}`),
  );
  process.on("uncaughtException", (error) => {
    logger.error(`Uncaught exception: ${describeFailure(error)}`);
    process.exit(1);
  });
}

process.exitCode = await main(process.argv.slice(2));
