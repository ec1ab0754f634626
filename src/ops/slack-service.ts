import type { Server } from "node:http";
import type { ListenOptions } from "node:net";
import type { App } from "@slack/bolt";
import type { Database } from "../adapters/db/database.js";
import type { SlackConfig } from "../config.js";
import { createSlackApp } from "../slack/app.js";
import type { SlackDeps } from "../slack/deps.js";
import type { AppLogger } from "../slack/logger.js";
import { readyWithin } from "../slack/run-answer.js";
import { createInFlight } from "./in-flight.js";
import { slackGuard } from "./slack-guard.js";

/** Slack gives up on a request after a few seconds; an orchestrator's SIGKILL follows SIGTERM after 30. */
export const SHUTDOWN_GRACE_MS = 25_000;

const KEEP_ALIVE_MS = 65_000;

export type SlackServiceOptions = {
  slack: SlackConfig;
  database: Pick<Database, "prisma" | "ping">;
  deps: SlackDeps;
  logger: AppLogger;
  /** PORT, or listen options (tests bind `{ port: 0, host: "127.0.0.1" }`). */
  listen: number | ListenOptions;
};

export type SlackService = {
  app: App;
  /** The HTTP receiver's server; null in Socket Mode. */
  server: Server | null;
  /**
   * Stops taking requests (the port closes, so new connections are refused), then waits up to
   * `graceMs` for those in flight to finish, answers included. The database stays open: its owner
   * closes it afterwards. `drained` is false when work was still running at the deadline.
   */
  stop(graceMs?: number): Promise<{ drained: boolean }>;
};

/** The Slack app with the guard in front of every listener (slack-guard.ts), started. */
export async function startSlackService(options: SlackServiceOptions): Promise<SlackService> {
  const { slack, database, deps, logger, listen } = options;
  const inFlight = createInFlight();
  const app = createSlackApp({
    slack,
    deps,
    healthy: () => database.ping(),
    port: typeof listen === "number" ? listen : (listen.port ?? 0),
    logger,
  });
  // The listeners' own claims share this store, so claims arriving together share a statement.
  app.use(slackGuard({ logger, deliveries: deps.processed, inFlight }));
  const started = slack.connection.mode === "socket" ? await app.start() : await app.start(listen);
  const server = slack.connection.mode === "http" ? (started as Server) : null;
  if (server) {
    // Longer than the idle timeout of the proxy or load balancer in front (60 s is common), so the bot
    // never closes a kept-alive connection just as the proxy sends the next request on it.
    server.keepAliveTimeout = KEEP_ALIVE_MS;
    server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  }

  return {
    app,
    server,
    async stop(graceMs = SHUTDOWN_GRACE_MS) {
      const deadline = Date.now() + graceMs;
      // Connections kept alive between requests would hold the port's close until they time out.
      const idle = server ? setInterval(() => server.closeIdleConnections(), 100) : undefined;
      try {
        const stopped = app.stop().then(
          () => true,
          () => true,
        );
        if (!(await readyWithin(stopped, graceMs))) server?.closeAllConnections();
        return { drained: await inFlight.drained(Math.max(0, deadline - Date.now())) };
      } finally {
        clearInterval(idle);
      }
    },
  };
}
