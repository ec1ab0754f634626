import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { ConfigError } from "../../config.js";

/**
 * The embedded database's directory is one process's: two PGlite instances on one directory are two
 * PostgreSQL servers on one data directory, and both write (PGlite does not refuse the second). The bot
 * and a `competency-bot` command run beside it would corrupt it. A lock file beside the directory
 * (`<directory>.lock`, holding the owner's pid) refuses the second opener; a lock left by a process
 * that is gone (killed, crashed) is taken over.
 */
export class StoreInUseError extends ConfigError {}

/** Takes the directory's lock; returns its release. Throws StoreInUseError while another holds it. */
export function lockDirectory(directory: string): () => void {
  const path = `${directory}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        rmSync(path, { force: true });
      };
      // Also when the process exits without closing the store (an uncaught exception, process.exit).
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = ownerOf(path);
      if (owner !== null && isRunning(owner)) {
        throw new StoreInUseError(
          `The embedded database in ${directory} is open in another process (pid ${owner}): the bot, or another ` +
            "competency-bot command. Stop it first, or set DATABASE_URL to a PostgreSQL server, which any " +
            "number of processes can share.",
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new StoreInUseError(`Could not take the lock ${path}; another process keeps taking it.`);
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
