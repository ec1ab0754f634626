import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { ConfigError } from "../../config.js";

/**
 * The embedded database's directory is one process's: two PGlite instances on one directory are two
 * PostgreSQL servers on one data directory, and both write (PGlite does not refuse the second). The bot
 * and a `competency-bot` command run beside it would corrupt it. A lock file beside the directory
 * (`<directory>.lock`, holding the owner's pid) refuses the second opener; a lock left by a process that
 * is gone (killed, crashed) is taken over, including one holding this process's own pid (a container
 * restarted after a crash often runs as the same pid) when this process does not hold it.
 */
export class StoreInUseError extends ConfigError {}

/** Lock files this process holds. */
const held = new Set<string>();

/** How long a process that took over a stale lock waits before checking that it kept it. */
const TAKEOVER_SETTLE_MS = 100;

/** Takes the directory's lock; resolves to its release. Rejects with StoreInUseError while another holds it. */
export async function lockDirectory(directory: string): Promise<() => void> {
  const path = `${resolve(directory)}.lock`;
  if (held.has(path)) throw inUse(directory, process.pid);
  if (create(path)) return releaser(path);
  const owner = ownerOf(path);
  if (owner !== null && owner !== process.pid && isRunning(owner)) throw inUse(directory, owner);
  // Stale: move it aside (one taker's rename wins), then take the lock as usual.
  try {
    renameSync(path, `${path}.stale-${process.pid}`);
    rmSync(`${path}.stale-${process.pid}`, { force: true });
  } catch {
    // Another process moved it first.
  }
  if (!create(path)) throw inUse(directory, ownerOf(path));
  // Two takers of one stale lock: the later one may have moved the earlier one's fresh lock aside.
  await sleep(TAKEOVER_SETTLE_MS);
  if (ownerOf(path) !== process.pid) throw inUse(directory, ownerOf(path));
  return releaser(path);
}

function create(path: string): boolean {
  try {
    const fd = openSync(path, "wx");
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

function releaser(path: string): () => void {
  held.add(path);
  const release = () => {
    if (!held.delete(path)) return;
    process.off("exit", release);
    if (ownerOf(path) === process.pid) rmSync(path, { force: true });
  };
  // Also when the process exits without closing the store (an uncaught exception, process.exit).
  process.on("exit", release);
  return release;
}

function inUse(directory: string, owner: number | null): StoreInUseError {
  return new StoreInUseError(
    `The embedded database in ${directory} is open in another process${owner ? ` (pid ${owner})` : ""}: the bot, ` +
      "or another competency-bot command. Stop it first, or set DATABASE_URL to a PostgreSQL server, which " +
      "any number of processes can share.",
  );
}

function ownerOf(path: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path, "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
