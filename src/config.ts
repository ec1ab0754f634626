import { z } from "zod";

/** Where the store lives: embedded PGlite (in a directory or in memory) or a PostgreSQL server. */
export type DatabaseTarget = { kind: "pglite"; directory: string | null } | { kind: "postgres"; url: string };

export const DEFAULT_DATABASE_URL = "pglite:./.data/pglite";

const ACCEPTED_DATABASE_FORMS = [
  "postgres://user:password@host:5432/database (or postgresql://…): a PostgreSQL server",
  "pglite:<directory>: embedded PostgreSQL persisted in that directory",
  "pglite:memory: embedded PostgreSQL in memory (lost at exit)",
  `unset: ${DEFAULT_DATABASE_URL}`,
];

export class ConfigError extends Error {
  readonly code = "INVALID_CONFIG";
}

export function parseDatabaseUrl(value: string | undefined): DatabaseTarget {
  const raw = (value ?? "").trim() || DEFAULT_DATABASE_URL;
  if (/^postgres(ql)?:\/\/[^\s]+$/.test(raw)) {
    try {
      const url = new URL(raw);
      if (url.hostname && url.pathname.length > 1) return { kind: "postgres", url: raw };
    } catch {
      // falls through to the message below
    }
  }
  if (raw.startsWith("pglite:")) {
    const location = raw.slice("pglite:".length).trim();
    if (location === "memory") return { kind: "pglite", directory: null };
    if (location.length > 0) return { kind: "pglite", directory: location };
  }
  throw new ConfigError(
    `DATABASE_URL "${raw}" is not understood. Accepted forms:\n  - ${ACCEPTED_DATABASE_FORMS.join("\n  - ")}`,
  );
}

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** "true"/"false" (also 1/0, yes/no, on/off), so that `FLAG=false` is not read as a truthy string. */
const flag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no", "on", "off"], {
      error: "expected true or false",
    })
    .optional()
    .transform((value) => (value === undefined ? fallback : ["true", "1", "yes", "on"].includes(value)));

/** Who holds a role: Slack user ids (U…, W…) and Slack user group ids (S…). */
export type RoleMembers = { users: string[]; groups: string[] };

/**
 * The roles of docs/access-control.md, from ROLE_RECRUITERS, ROLE_HR and ROLE_ADMINS. `configured` is
 * false when none of them is set: a fresh install, where the default policy of that document applies.
 */
export type RolesConfig = {
  recruiters: RoleMembers;
  hr: RoleMembers;
  admins: RoleMembers;
  configured: boolean;
};

/** No ROLE_* variable set. */
export const NO_ROLES: RolesConfig = Object.freeze({
  recruiters: { users: [], groups: [] },
  hr: { users: [], groups: [] },
  admins: { users: [], groups: [] },
  configured: false,
});

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;
const SLACK_GROUP_ID = /^S[A-Z0-9]{2,}$/;

/** A comma- or space-separated list of Slack user and user group ids; unset or blank is null. */
const roleMembers = z
  .string()
  .optional()
  .transform((value, context): RoleMembers | null => {
    const ids = (value ?? "").split(/[\s,]+/).filter(Boolean);
    if (ids.length === 0) return null;
    const members: RoleMembers = { users: [], groups: [] };
    for (const id of ids) {
      if (SLACK_USER_ID.test(id)) members.users.push(id);
      else if (SLACK_GROUP_ID.test(id)) members.groups.push(id);
      else
        context.addIssue({
          code: "custom",
          message: `"${id.slice(0, 40)}" is not a Slack user id (U…, W…) or user group id (S…)`,
        });
    }
    return members;
  });

/** A current model that supports strict structured outputs; see docs/openai.md. */
export const DEFAULT_OPENAI_MODEL = "gpt-4.1-mini";

/** Settings of the OpenAI evidence reader; `apiKey` null means the local engine answers alone. */
export type OpenAiConfig = {
  apiKey: string | null;
  model: string;
  /** An OpenAI-compatible server instead of api.openai.com. */
  baseUrl: string | null;
  /** The whole time one assessment may wait for OpenAI, retries included. */
  timeoutMs: number;
  /** Retries of a timeout, 429 or 5xx within that time. */
  maxRetries: number;
  /** False forbids sending candidate text to OpenAI at all. */
  sendCandidateText: boolean;
  /** Also mask what look like personal names (best effort) before the text leaves the process. */
  maskNames: boolean;
};

const EnvSchema = z.object({
  DATABASE_URL: z.string().optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  CANDIDATE_TEXT_RETENTION_DAYS: z.coerce.number().int().min(0).default(30),
  PORT: positiveInt(3000),
  SLACK_BOT_TOKEN: z.string().trim().optional(),
  SLACK_SIGNING_SECRET: z.string().trim().optional(),
  SLACK_APP_TOKEN: z.string().trim().optional(),
  SLACK_API_URL: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.url({ protocol: /^https?$/, error: "must be an http(s) URL, like https://slack.com/api/" }).optional(),
  ),
  OPENAI_API_KEY: z.string().trim().optional(),
  OPENAI_MODEL: z.string().trim().optional(),
  OPENAI_BASE_URL: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL, like http://127.0.0.1:8000/v1" })
      .optional(),
  ),
  OPENAI_TIMEOUT_MS: positiveInt(20_000),
  OPENAI_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  OPENAI_SEND_CANDIDATE_TEXT: flag(true),
  OPENAI_MASK_NAMES: flag(false),
  ROLE_RECRUITERS: roleMembers,
  ROLE_HR: roleMembers,
  ROLE_ADMINS: roleMembers,
});

export type Config = {
  database: DatabaseTarget;
  logLevel: z.infer<typeof EnvSchema>["LOG_LEVEL"];
  retentionDays: number;
  port: number;
  /** Null when no Slack credentials are set: `npm start` then opens the local console. */
  slack: SlackConfig | null;
  openai: OpenAiConfig;
  roles: RolesConfig;
};

export const DEFAULT_SLACK_API_URL = "https://slack.com/api/";

/** How the app reaches Slack: Socket Mode with an app-level token, or Slack posting to our HTTP endpoint. */
export type SlackConnection = { mode: "socket"; appToken: string } | { mode: "http"; signingSecret: string };

export type SlackConfig = {
  botToken: string;
  connection: SlackConnection;
  /** Web API base URL, ending in a slash; another one for a proxy or a test double. */
  apiUrl: string;
};

/** Reads and validates the environment once; every problem is reported by variable name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join("\n")}`);
  }
  const vars = parsed.data;
  return {
    database: parseDatabaseUrl(vars.DATABASE_URL),
    logLevel: vars.LOG_LEVEL,
    retentionDays: vars.CANDIDATE_TEXT_RETENTION_DAYS,
    port: vars.PORT,
    slack: parseSlackSettings(vars),
    openai: parseOpenAiSettings(vars),
    roles: parseRoles(vars),
  };
}

/**
 * No Slack variable at all means the console; any of them means Slack, and then everything Slack needs
 * must be there, so a half-configured deployment fails at start rather than at the first request.
 */
function parseSlackSettings(vars: z.infer<typeof EnvSchema>): SlackConfig | null {
  const botToken = vars.SLACK_BOT_TOKEN || undefined;
  const appToken = vars.SLACK_APP_TOKEN || undefined;
  const signingSecret = vars.SLACK_SIGNING_SECRET || undefined;
  if (!botToken && !appToken && !signingSecret) return null;
  const problems: string[] = [];
  if (!botToken)
    problems.push("  - SLACK_BOT_TOKEN: required to connect to Slack (the xoxb-… Bot User OAuth Token)");
  else if (!botToken.startsWith("xoxb-")) problems.push("  - SLACK_BOT_TOKEN: a bot token starts with xoxb-");
  if (appToken && !appToken.startsWith("xapp-")) {
    problems.push(
      "  - SLACK_APP_TOKEN: an app-level token starts with xapp- (Basic Information → App-Level Tokens)",
    );
  }
  if (!appToken && !signingSecret) {
    problems.push(
      "  - SLACK_SIGNING_SECRET: required for the HTTP endpoint (Basic Information → Signing Secret); or set SLACK_APP_TOKEN for Socket Mode",
    );
  }
  if (problems.length > 0 || !botToken) {
    throw new ConfigError(`Invalid Slack configuration (see docs/slack-setup.md):\n${problems.join("\n")}`);
  }
  const apiUrl = vars.SLACK_API_URL ?? DEFAULT_SLACK_API_URL;
  return {
    botToken,
    connection: appToken
      ? { mode: "socket", appToken }
      : { mode: "http", signingSecret: signingSecret as string },
    apiUrl: apiUrl.endsWith("/") ? apiUrl : `${apiUrl}/`,
  };
}

function parseOpenAiSettings(vars: z.infer<typeof EnvSchema>): OpenAiConfig {
  return {
    apiKey: vars.OPENAI_API_KEY || null,
    model: vars.OPENAI_MODEL || DEFAULT_OPENAI_MODEL,
    baseUrl: vars.OPENAI_BASE_URL ?? null,
    timeoutMs: vars.OPENAI_TIMEOUT_MS,
    maxRetries: vars.OPENAI_MAX_RETRIES,
    sendCandidateText: vars.OPENAI_SEND_CANDIDATE_TEXT,
    maskNames: vars.OPENAI_MASK_NAMES,
  };
}

function parseRoles(vars: z.infer<typeof EnvSchema>): RolesConfig {
  if (!vars.ROLE_RECRUITERS && !vars.ROLE_HR && !vars.ROLE_ADMINS) return NO_ROLES;
  const none: RoleMembers = { users: [], groups: [] };
  return {
    recruiters: vars.ROLE_RECRUITERS ?? none,
    hr: vars.ROLE_HR ?? none,
    admins: vars.ROLE_ADMINS ?? none,
    configured: true,
  };
}
