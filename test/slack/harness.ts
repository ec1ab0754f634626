import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { App } from "@slack/bolt";
import { createAssessmentRepository } from "../../src/adapters/db/assessment-repository.js";
import { createAuditRepository } from "../../src/adapters/db/audit-repository.js";
import { createLibraryRepository } from "../../src/adapters/db/library-repository.js";
import type { RolesConfig, SlackConfig } from "../../src/config.js";
import type { FrameworkDefinition } from "../../src/domain/library.js";
import { LibraryProvider } from "../../src/services/library.js";
import { createSlackApp } from "../../src/slack/app.js";
import { type CreateSlackDepsOptions, createSlackDeps, type SlackDeps } from "../../src/slack/deps.js";
import { createLogger } from "../../src/slack/logger.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import {
  buttonPress,
  commandBody,
  eventBody,
  type FakeSlack,
  interactionBody,
  postSigned,
  SIGNING_SECRET,
  startFakeSlack,
} from "../support/fake-slack.js";
import { marketingFramework } from "../support/frameworks.js";

export type SlackHarness = {
  /** POST here: the app's real /slack/events endpoint. */
  endpoint: string;
  baseUrl: string;
  fake: FakeSlack;
  db: TestDatabase;
  deps: SlackDeps;
  app: App;
  stop(): Promise<void>;
};

export type HarnessOptions = CreateSlackDepsOptions & {
  frameworks?: FrameworkDefinition[];
  /** ROLE_* settings; none by default (the policy of a fresh install). */
  roles?: RolesConfig;
  healthy?: () => Promise<boolean>;
  db?: TestDatabase;
};

/** How the tests' Slack app reaches the fake Slack. */
export function slackConfig(fake: FakeSlack): SlackConfig {
  return {
    botToken: "xoxb-test",
    connection: { mode: "http", signingSecret: SIGNING_SECRET },
    apiUrl: fake.apiUrl,
  };
}

/**
 * The answers' dependencies over a test database, with these frameworks stored in it; with `config`,
 * roles apply and user groups are listed from that (fake) Slack.
 */
export async function slackDepsOver(
  db: TestDatabase,
  frameworks: FrameworkDefinition[],
  options: CreateSlackDepsOptions = {},
  config: { roles?: RolesConfig; slack?: SlackConfig } = {},
): Promise<SlackDeps> {
  const libraryRepository = createLibraryRepository(db.prisma);
  for (const framework of frameworks) await libraryRepository.saveFramework(framework);
  return createSlackDeps(
    {
      database: db,
      libraryRepository,
      library: new LibraryProvider(libraryRepository),
      assessmentRepository: createAssessmentRepository(db.prisma),
      auditRepository: createAuditRepository(db.prisma),
      config: { retentionDays: 30, ...config },
    },
    options,
  );
}

/** The real Bolt app on an ephemeral port, its Web API calls going to a fake Slack, over a real database. */
export async function startSlackHarness(options: HarnessOptions = {}): Promise<SlackHarness> {
  const db = options.db ?? (await createTestDatabase());
  const fake = await startFakeSlack();
  const slack = slackConfig(fake);
  const deps = await slackDepsOver(db, options.frameworks ?? [marketingFramework()], options, {
    slack,
    ...(options.roles ? { roles: options.roles } : {}),
  });
  const app = createSlackApp({
    slack,
    deps,
    healthy: options.healthy ?? (() => db.ping()),
    port: 0,
    logger: createLogger("silent"),
  });
  const server = (await app.start(0)) as Server;
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint: `${baseUrl}/slack/events`,
    baseUrl,
    fake,
    db,
    deps,
    app,
    async stop() {
      await app.stop();
      await fake.close();
      if (!options.db) await db.dispose();
    },
  };
}

type AnyBlock = { type: string; [key: string]: unknown };

/** Every text a user would read in these blocks, joined: for assertions on what is shown. */
export function visibleText(blocks: unknown): string {
  const out: string[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") {
      const record = value as Record<string, unknown>;
      if (typeof record.text === "string") out.push(record.text);
      for (const [key, child] of Object.entries(record))
        if (key !== "value" && typeof child === "object") walk(child);
    }
  };
  walk(blocks);
  return out.join("\n");
}

/** The buttons in these blocks, in order. */
export function buttons(blocks: unknown): { action_id: string; value?: string; text: { text: string } }[] {
  const found: { action_id: string; value?: string; text: { text: string } }[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") {
      const block = value as AnyBlock;
      if (block.type === "button") found.push(block as unknown as (typeof found)[number]);
      for (const child of Object.values(block)) walk(child);
    }
  };
  walk(blocks);
  return found;
}

export function buttonLabelled(blocks: unknown, label: string) {
  const button = buttons(blocks).find((candidate) => candidate.text.text === label);
  if (!button)
    throw new Error(
      `no [${label}] button; buttons: ${buttons(blocks)
        .map((b) => b.text.text)
        .join(", ")}`,
    );
  return button;
}

/** Every role in its own variable, as loadConfig reads them, for tests that configure roles. */
export function roles(members: { recruiters?: string[]; hr?: string[]; admins?: string[] }): RolesConfig {
  const split = (ids: string[] = []) => ({
    users: ids.filter((id) => !id.startsWith("S")),
    groups: ids.filter((id) => id.startsWith("S")),
  });
  return {
    recruiters: split(members.recruiters),
    hr: split(members.hr),
    admins: split(members.admins),
    configured: true,
  };
}

let deliveries = 0;

/** Slack's side of a conversation with the harness: commands, clicks, forms, mentions, the Home tab. */
export function drive(h: SlackHarness) {
  const postsTo = (responseUrl: string) =>
    h.fake.responsePosts.filter((post) => responseUrl.endsWith(post.path));
  const interact = async (payload: Record<string, unknown>) => {
    const response = await postSigned(h.endpoint, interactionBody(payload));
    const raw = await response.text();
    return { status: response.status, body: raw ? JSON.parse(raw) : {} };
  };
  return {
    postsTo,
    interact,
    /** `/profile <text>` from `userId`: the acknowledgement's body, and the command's response_url. */
    async command(text: string, userId = "U1") {
      const responseUrl = h.fake.responseUrl();
      const response = await postSigned(h.endpoint, commandBody({ text, responseUrl, userId }));
      const raw = await response.text();
      return { status: response.status, body: raw ? JSON.parse(raw) : {}, responseUrl };
    },
    /** The first message posted to a response_url. */
    async firstPost(responseUrl: string): Promise<Record<string, unknown> & { blocks: unknown[] }> {
      await h.fake.waitFor(() => postsTo(responseUrl).length > 0);
      return postsTo(responseUrl)[0]?.body as Record<string, unknown> & { blocks: unknown[] };
    },
    /** Presses a button of a message, as `userId`; returns the click's response_url. */
    async press(button: { action_id: string; value?: string }, userId = "U1", ephemeral = true) {
      const responseUrl = h.fake.responseUrl();
      const { status } = await interact(buttonPress({ button, responseUrl, userId, ephemeral }));
      if (status !== 200) throw new Error(`button press answered ${status}`);
      return responseUrl;
    },
    /** The view the app opened last, once it has opened more than `before`. */
    async openedView(before: number) {
      await h.fake.waitFor(() => h.fake.callsTo("views.open").length > before);
      return h.fake.callsTo("views.open").at(-1)?.args.view as Record<string, unknown> & {
        blocks: unknown[];
        callback_id?: string;
        private_metadata?: string;
      };
    },
    /** Submits a modal the app opened, with these state values, as `userId`. */
    submit(view: Record<string, unknown>, values: Record<string, unknown>, userId = "U1") {
      return interact({
        type: "view_submission",
        team: { id: "T1", domain: "test" },
        user: { id: userId, name: "someone", team_id: "T1" },
        api_app_id: "A1",
        token: "legacy",
        trigger_id: `trigger-view-${++deliveries}`,
        view: { ...view, id: `V-sub-${deliveries}`, state: { values } },
      });
    },
    /** Mentions the bot in channel C3 as `userId`. */
    async mention(text: string, userId = "U1") {
      const response = await postSigned(
        h.endpoint,
        eventBody(
          { type: "app_mention", user: userId, text, ts: `1700000300.${++deliveries}`, channel: "C3" },
          `Ev-mention-${deliveries}`,
        ),
        { contentType: "application/json" },
      );
      if (response.status !== 200) throw new Error(`mention answered ${response.status}`);
    },
    /** The Home tab the app publishes for `userId`. */
    async home(userId = "U1"): Promise<unknown[]> {
      const published = h.fake.callsTo("views.publish").length;
      await postSigned(
        h.endpoint,
        eventBody(
          { type: "app_home_opened", user: userId, channel: "D1", tab: "home", event_ts: "1700000200.1" },
          `Ev-home-${++deliveries}`,
        ),
        { contentType: "application/json" },
      );
      await h.fake.waitFor(() => h.fake.callsTo("views.publish").length > published);
      const call = h.fake.callsTo("views.publish").at(-1)?.args as { view: { blocks: unknown[] } };
      return call.view.blocks;
    },
    /** The audit records written since the harness started, oldest first. */
    audits(where: { actor?: string; action?: string; outcome?: string } = {}) {
      return h.db.prisma.auditRecord.findMany({ where, orderBy: { id: "asc" } });
    },
  };
}
