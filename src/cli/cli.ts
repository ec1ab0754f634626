import { parseArgs } from "node:util";
import { type AppContext, openAppContext } from "../app-context.js";
import { ConfigError, loadConfig } from "../config.js";
import { AppError } from "../domain/errors.js";
import type { CliCommand, CliIO } from "./command.js";
import { COMMANDS } from "./commands/index.js";

const GLOBAL_OPTIONS = {
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

export function usage(): string {
  const width = Math.max(...COMMANDS.map((command) => command.usage.length));
  const lines = COMMANDS.map(
    (command) => `  competency-bot ${command.usage.padEnd(width)}  ${command.summary}`,
  );
  return [
    "Usage:",
    ...lines,
    "",
    "Options: --json prints the result as JSON; --help shows this text.",
    "The command line acts as an administrator of the store named by DATABASE_URL.",
  ].join("\n");
}

function selectCommand(args: string[]): { command: CliCommand; rest: string[] } | null {
  const candidates = [...COMMANDS].sort((a, b) => b.name.length - a.name.length);
  for (const command of candidates) {
    if (command.name.every((word, index) => args[index] === word)) {
      return { command, rest: args.slice(command.name.length) };
    }
  }
  return null;
}

export type RunCliOptions = {
  /** An already open context (tests, the console); left open. By default the CLI opens its own. */
  context?: AppContext;
  env?: NodeJS.ProcessEnv;
};

/** Runs one command line; returns the exit code. Errors go to stderr, results to stdout. */
export async function runCli(args: string[], io: CliIO, options: RunCliOptions = {}): Promise<number> {
  const selected = selectCommand(args);
  if (!selected) {
    const asked = args
      .filter((arg) => !arg.startsWith("-"))
      .slice(0, 2)
      .join(" ");
    if (args.length === 0 || args.includes("--help") || args.includes("-h") || args[0] === "help") {
      io.stdout(`${usage()}\n`);
      return args.length === 0 ? 1 : 0;
    }
    io.stderr(`Unknown command "${asked}".\n\n${usage()}\n`);
    return 2;
  }
  const { command, rest } = selected;
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...GLOBAL_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    io.stderr(`${(error as Error).message}\nUsage: competency-bot ${command.usage}\n`);
    return 2;
  }
  if (parsed.values.help) {
    io.stdout(`Usage: competency-bot ${command.usage}\n${command.summary}\n`);
    return 0;
  }

  let context: AppContext | null = null;
  const openContext = async () => {
    if (options.context) return options.context;
    context ??= await openAppContext(loadConfig(options.env), {
      onStarterProgress: ({ stage, done, total }) =>
        io.stderr(`\rLoading the starter library: ${stage} ${done}/${total}   `),
    });
    return context;
  };
  try {
    return await command.run({
      positionals: parsed.positionals,
      values: parsed.values as Record<string, string | boolean | undefined>,
      io,
      context: openContext,
    });
  } catch (error) {
    io.stderr(`${describeError(error)}\n`);
    return isInputError(error) ? 2 : 1;
  } finally {
    // An open embedded database keeps the event loop alive: close it or the process never exits.
    await (context as AppContext | null)?.close();
  }
}

function describeError(error: unknown): string {
  if (error instanceof AppError) {
    return [error.message, ...error.problems.map((problem) => `  - ${problem}`)].join("\n");
  }
  if (error instanceof ConfigError || isInputError(error)) return (error as Error).message;
  return `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}

/** AppError's and the fit engine's refusals of what the user typed carry the code INVALID_INPUT. */
function isInputError(error: unknown): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === "INVALID_INPUT";
}
