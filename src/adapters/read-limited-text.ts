import { open } from "node:fs/promises";
import { basename } from "node:path";

/** A file's text, or why it cannot be had, in words for the person who gave the path. */
export type LimitedText = { ok: true; value: string } | { ok: false; problem: string };

/** How big a file may be, and what such files are called in the message ("framework files"). */
export type TextLimit = { bytes: number; files: string };

const MEGABYTE = 1024 * 1024;

/** Reads a UTF-8 file of at most `limit.bytes`, measuring it before reading and again after. */
export async function readLimitedText(path: string, limit: TextLimit): Promise<LimitedText> {
  const name = basename(path);
  let file: Awaited<ReturnType<typeof open>> | undefined;
  try {
    file = await open(path, "r");
    const stats = await file.stat();
    if (stats.isDirectory()) return { ok: false, problem: `"${name}" is a directory, not a file` };
    if (!stats.isFile()) return { ok: false, problem: `"${name}" is not a regular file` };
    if (stats.size > limit.bytes) return { ok: false, problem: tooLarge(`"${name}"`, stats.size, limit) };
    const bytes = await file.readFile();
    // The file may have grown since it was measured.
    if (bytes.length > limit.bytes) return { ok: false, problem: tooLarge(`"${name}"`, bytes.length, limit) };
    return { ok: true, value: bytes.toString("utf8") };
  } catch (error) {
    return { ok: false, problem: unreadable(path, error) };
  } finally {
    await file?.close();
  }
}

/** "<what> is 12.4 MB; <files> are limited to 10 MB". */
export function tooLarge(what: string, bytes: number, limit: TextLimit): string {
  // Rounded up, so a file just over the limit never reads as exactly the limit.
  const megabytes = (Math.ceil((bytes / MEGABYTE) * 10) / 10).toFixed(1);
  return `${what} is ${megabytes} MB; ${limit.files} are limited to ${limit.bytes / MEGABYTE} MB`;
}

function unreadable(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return `file not found: ${path}`;
  if (code === "EISDIR") return `"${basename(path)}" is a directory, not a file`;
  if (code === "EACCES" || code === "EPERM") return `"${basename(path)}" cannot be read: permission denied`;
  const reason = error instanceof Error ? error.message : String(error);
  return `"${basename(path)}" cannot be read: ${reason}`;
}
