/**
 * Reads a framework file (docs/framework-format.md) from disk: size and format checks, safe parsing,
 * then the format's own validation. Every failure comes back as problems, never as an exception.
 */
import { open } from "node:fs/promises";
import { basename, extname } from "node:path";
import { LineCounter, parseDocument } from "yaml";
import {
  type FrameworkValidation,
  type Problem,
  validateFrameworkDocument,
} from "../../domain/framework-file.js";

export const MAX_FRAMEWORK_FILE_BYTES = 10 * 1024 * 1024;

/** Anchors and aliases are allowed, but few: a handful of aliases can otherwise expand to gigabytes. */
const MAX_YAML_ALIASES = 100;

export type FrameworkFileFormat = "json" | "yaml";

export type ParsedText = { ok: true; value: unknown } | { ok: false; problems: Problem[] };

const FORMATS_BY_EXTENSION: Record<string, FrameworkFileFormat> = {
  ".json": "json",
  ".yaml": "yaml",
  ".yml": "yaml",
};

export async function readFrameworkFile(path: string): Promise<FrameworkValidation> {
  const name = basename(path);
  const format = FORMATS_BY_EXTENSION[extname(path).toLowerCase()];
  if (!format)
    return fail(`"${name}" is neither JSON nor YAML: the file name must end in .json, .yaml or .yml`);

  const text = await readLimitedText(path);
  if (!text.ok) return text;
  if (text.value.trim() === "") return fail(`"${name}" is empty`);

  const parsed = parseFrameworkText(text.value, format);
  if (!parsed.ok) return parsed;
  return validateFrameworkDocument(parsed.value);
}

/** Parses JSON or YAML text; syntax errors are reported with their line and column when known. */
export function parseFrameworkText(text: string, format: FrameworkFileFormat): ParsedText {
  const withoutByteOrderMark = text.startsWith("\uFEFF") ? text.slice(1) : text;
  if (bracketDepth(withoutByteOrderMark) > MAX_NESTING) {
    return fail(`nested more than ${MAX_NESTING} levels deep; a framework file needs at most 4`);
  }
  return format === "json" ? parseJson(withoutByteOrderMark) : parseYaml(withoutByteOrderMark);
}

/** The yaml parser overflows the stack (and can leave the process unable to parse again) on deep brackets. */
const MAX_NESTING = 64;

/** The deepest nesting of [ and { outside quoted strings (a quote opens only where a token starts). */
function bracketDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let quote: string | null = null;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quote) {
      if (char === "\\" && quote === '"') index++;
      else if (char === quote) quote = null;
    } else if ((char === '"' || char === "'") && /^$|[\s[{,:]/.test(text[index - 1] ?? "")) quote = char;
    else if (char === "[" || char === "{") deepest = Math.max(deepest, ++depth);
    else if (char === "]" || char === "}") depth = Math.max(0, depth - 1);
  }
  return deepest;
}

function parseJson(text: string): ParsedText {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail(`not valid JSON${jsonErrorPosition(text, message)}: ${withoutPosition(message)}`);
  }
}

/** V8 reports an offset ("at position 14") and, from Node 22, "(line 2 column 6)"; Node 20 only the offset. */
function jsonErrorPosition(text: string, message: string): string {
  const lineAndColumn = /\(line (\d+) column (\d+)\)/.exec(message);
  if (lineAndColumn) return ` at line ${lineAndColumn[1]}, column ${lineAndColumn[2]}`;
  const offset = /at position (\d+)/.exec(message);
  if (!offset) return "";
  const before = text.slice(0, Number(offset[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return ` at line ${line}, column ${column}`;
}

function withoutPosition(message: string): string {
  return message.replace(/\s*in JSON at position \d+(\s*\(line \d+ column \d+\))?/, "");
}

function parseYaml(text: string): ParsedText {
  const lines = new LineCounter();
  // The core schema only: no custom or language tags, no YAML 1.1 surprises ("no" read as false).
  const document = parseDocument(text, {
    schema: "core",
    customTags: [],
    uniqueKeys: true,
    prettyErrors: false,
    lineCounter: lines,
    logLevel: "error",
  });
  const unresolvedTags = document.warnings.filter((warning) => warning.code === "TAG_RESOLVE_FAILED");
  const syntaxErrors = [...document.errors, ...unresolvedTags];
  if (syntaxErrors.length > 0) {
    return {
      ok: false,
      problems: syntaxErrors.map((error) => {
        const { line, col } = lines.linePos(error.pos[0]);
        const reason =
          error.code === "TAG_RESOLVE_FAILED" ? `${error.message} (tags are not supported)` : error.message;
        return { path: "", message: `not valid YAML at line ${line}, column ${col}: ${reason}` };
      }),
    };
  }
  try {
    return { ok: true, value: document.toJS({ maxAliasCount: MAX_YAML_ALIASES }) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(`not valid YAML: ${reason} (at most ${MAX_YAML_ALIASES} aliases are allowed)`);
  }
}

type TextRead = { ok: true; value: string } | { ok: false; problems: Problem[] };

async function readLimitedText(path: string): Promise<TextRead> {
  const name = basename(path);
  let file: Awaited<ReturnType<typeof open>> | undefined;
  try {
    file = await open(path, "r");
    const stats = await file.stat();
    if (stats.isDirectory()) return fail(`"${name}" is a directory, not a file`);
    if (!stats.isFile()) return fail(`"${name}" is not a regular file`);
    if (stats.size > MAX_FRAMEWORK_FILE_BYTES) return fail(tooLarge(name, stats.size));
    const bytes = await file.readFile();
    // The file may have grown since it was measured.
    if (bytes.length > MAX_FRAMEWORK_FILE_BYTES) return fail(tooLarge(name, bytes.length));
    return { ok: true, value: bytes.toString("utf8") };
  } catch (error) {
    return fail(unreadable(path, error));
  } finally {
    await file?.close();
  }
}

const MEGABYTE = 1024 * 1024;

function tooLarge(name: string, bytes: number): string {
  // Rounded up, so a file just over the limit never reads as exactly the limit.
  const megabytes = (Math.ceil((bytes / MEGABYTE) * 10) / 10).toFixed(1);
  return `"${name}" is ${megabytes} MB; framework files are limited to ${MAX_FRAMEWORK_FILE_BYTES / MEGABYTE} MB`;
}

function unreadable(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return `file not found: ${path}`;
  if (code === "EISDIR") return `"${basename(path)}" is a directory, not a file`;
  if (code === "EACCES" || code === "EPERM") return `"${basename(path)}" cannot be read: permission denied`;
  const reason = error instanceof Error ? error.message : String(error);
  return `"${basename(path)}" cannot be read: ${reason}`;
}

function fail(message: string): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [{ path: "", message }] };
}
