import { z } from "zod";

/** Where the store lives: embedded PGlite (in a directory or in memory) or a PostgreSQL server. */
export type DatabaseTarget =
  | { kind: "pglite"; directory: string | null }
  | { kind: "postgres"; url: string };

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

const EnvSchema = z.object({
  DATABASE_URL: z.string().optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  CANDIDATE_TEXT_RETENTION_DAYS: z.coerce.number().int().min(0).default(30),
  PORT: positiveInt(3000),
});

export type Config = {
  database: DatabaseTarget;
  logLevel: z.infer<typeof EnvSchema>["LOG_LEVEL"];
  retentionDays: number;
  port: number;
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
  };
}
