/**
 * Reads a framework file (docs/framework-format.md) from disk: size and format checks, safe parsing,
 * then the format's own validation. Every failure comes back as problems, never as an exception.
 */

import { basename, extname } from "node:path";
import { LineCounter, parseDocument } from "yaml";
import {
  type FrameworkValidation,
  type Problem,
  validateFrameworkDocument,
} from "../../domain/framework-file.js";
import { readLimitedText } from "../read-limited-text.js";

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

const FRAMEWORK_FILES = { bytes: MAX_FRAMEWORK_FILE_BYTES, files: "framework files" };

export async function readFrameworkFile(path: string): Promise<FrameworkValidation> {
  const name = basename(path);
  const format = FORMATS_BY_EXTENSION[extname(path).toLowerCase()];
  if (!format)
    return fail(`"${name}" is neither JSON nor YAML: the file name must end in .json, .yaml or .yml`);

  const text = await readLimitedText(path, FRAMEWORK_FILES);
  if (!text.ok) return fail(text.problem);
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

function fail(message: string): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [{ path: "", message }] };
}
