import { readFile } from "node:fs/promises";
import { invalidInput } from "../domain/errors.js";
import type { JobProfile } from "../domain/library.js";
import { findProfile } from "../services/find-profile.js";
import type { Library } from "../services/library.js";
import { type CommandInput, print } from "./command.js";
import { renderUnresolved } from "./render/text.js";

// What commands read from their command line, with the messages users see when it is wrong: each refusal is
// INVALID_INPUT, so the command exits with 2.

/** `--name N`: a whole number from 1 to `max`; `fallback` when the option was not given. */
export function wholeNumberOption(
  input: CommandInput,
  name: string,
  { max, fallback }: { max: number; fallback: number },
): number {
  const given = input.values[name];
  if (given === undefined) return fallback;
  const value = Number(given);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw invalidInput(`--${name} must be a whole number from 1 to ${max}; got "${given}".`);
  }
  return value;
}

/** The words after the command as one text (a title needs no quotes); `what` names it when missing. */
export function joinedPositionals(input: CommandInput, what: string): string {
  const text = input.positionals.join(" ").trim();
  if (!text) throw invalidInput(`Give a ${what}.`);
  return text;
}

export function onePositional(input: CommandInput, what: string): string {
  if (input.positionals.length !== 1) {
    throw invalidInput(`Give exactly one ${what}; got ${input.positionals.length}.`);
  }
  return input.positionals[0] as string;
}

export function noPositionals(input: CommandInput, command: string): void {
  if (input.positionals.length > 0) throw invalidInput(`\`${command}\` takes no arguments.`);
}

/** A file named on the command line, as text; a file that cannot be read is the user's input error. */
export async function readTextFile(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw invalidInput(
      `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
    );
  }
}

/**
 * The profile with this title (within --framework when given), or null after printing the closest ones:
 * the command then exits with 3.
 */
export function resolveProfile(input: CommandInput, library: Library, title: string): JobProfile | null {
  const resolution = findProfile({ library, title, framework: input.values.framework as string | undefined });
  if (resolution.kind === "found") return resolution.profile;
  print(input, resolution, () => renderUnresolved(resolution));
  return null;
}
