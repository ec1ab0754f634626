import type { AddressInfo } from "node:net";
import { openDatabase } from "../../../src/adapters/db/database.js";
import { parseDatabaseUrl } from "../../../src/config.js";
import type { FrameworkDefinition } from "../../../src/domain/library.js";
import { type SlackService, startSlackService } from "../../../src/ops/slack-service.js";
import type { CreateSlackDepsOptions, SlackDeps } from "../../../src/slack/deps.js";
import { type AppLogger, createLogger } from "../../../src/slack/logger.js";
import { slackDepsOver } from "../../slack/harness.js";
import type { TestDatabase } from "../../support/database.js";
import { type FakeSlack, SIGNING_SECRET } from "../../support/fake-slack.js";
import { marketingFramework } from "../../support/frameworks.js";

/** One instance of the bot as `npm start` composes it (the guard in front of every listener), in-process. */
export type Instance = {
  endpoint: string;
  baseUrl: string;
  deps: SlackDeps;
  service: SlackService;
  /** Every line it logged, as written. */
  logs: string[];
  logger: AppLogger;
  stop(): Promise<void>;
};

export type InstanceOptions = CreateSlackDepsOptions & {
  db: TestDatabase;
  /** Where its Web API calls and response_url posts go. */
  slackApiUrl: string;
  frameworks?: FrameworkDefinition[];
};

export async function startInstance(options: InstanceOptions): Promise<Instance> {
  const logs: string[] = [];
  const logger = createLogger("info", (line) => logs.push(line));
  const deps = await slackDepsOver(options.db, options.frameworks ?? [marketingFramework()], options);
  const service = await startSlackService({
    slack: {
      botToken: "xoxb-reliability-secret-token",
      connection: { mode: "http", signingSecret: SIGNING_SECRET },
      apiUrl: options.slackApiUrl,
    },
    database: options.db,
    deps,
    logger,
    listen: { port: 0, host: "127.0.0.1" },
  });
  const address = service.server?.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    endpoint: `${baseUrl}/slack/events`,
    baseUrl,
    deps,
    service,
    logs,
    logger,
    stop: async () => {
      await service.stop(5_000);
    },
  };
}

/** A second handle on the same database, as another instance (its own connections) would have. */
export async function anotherHandle(db: TestDatabase): Promise<TestDatabase> {
  const database = await openDatabase(parseDatabaseUrl(db.url));
  return { ...database, url: db.url, dispose: () => database.close() };
}

/** The response_url posts the fake received for `responseUrl`. */
export function postsTo(fake: FakeSlack, responseUrl: string) {
  return fake.responsePosts.filter((post) => responseUrl.endsWith(post.path));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
