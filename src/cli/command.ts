import type { ParseArgsConfig } from "node:util";
import type { AppContext } from "../app-context.js";

export type CliIO = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The whole of standard input (for summaries piped in). */
  readStdin: () => Promise<string>;
};

export type CommandInput = {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
  io: CliIO;
  /** Opens the store on first use, so `--help` and argument errors need no database. */
  context: () => Promise<AppContext>;
};

export type CliCommand = {
  /** Words that select the command, e.g. ["import", "framework"]. */
  name: string[];
  usage: string;
  summary: string;
  options?: NonNullable<ParseArgsConfig["options"]>;
  /** Returns the exit code. */
  run(input: CommandInput): Promise<number>;
};

/** Prints `value` as JSON when --json was given, else the text rendering. */
export function print(input: CommandInput, value: unknown, text: () => string): void {
  input.io.stdout(input.values.json ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`);
}
