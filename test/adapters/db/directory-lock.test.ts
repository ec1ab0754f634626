import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../../src/adapters/db/database.js";
import { StoreInUseError } from "../../../src/adapters/db/directory-lock.js";
import { parseDatabaseUrl } from "../../../src/config.js";

const directories: string[] = [];
function freshDirectory(): string {
  const parent = mkdtempSync(join(tmpdir(), "cb-lock-"));
  directories.push(parent);
  return join(parent, "pglite");
}
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

describe("the embedded database's directory belongs to one process", () => {
  it("refuses a command run beside the process that has it open, saying what to do", async () => {
    const directory = freshDirectory();
    const database = await openDatabase(parseDatabaseUrl(`pglite:${directory}`));
    try {
      const cli = spawnSync(process.execPath, ["bin/competency-bot.js", "frameworks"], {
        env: { ...process.env, DATABASE_URL: `pglite:${directory}` },
        encoding: "utf8",
      });
      expect(cli.status).not.toBe(0);
      expect(cli.stderr).toContain(`is open in another process (pid ${process.pid})`);
      expect(cli.stderr).toContain("PostgreSQL server");
      // The owner goes on undisturbed.
      expect(await database.ping()).toBe(true);
      await expect(openDatabase(parseDatabaseUrl(`pglite:${directory}`))).rejects.toBeInstanceOf(
        StoreInUseError,
      );
    } finally {
      await database.close();
    }
    expect(existsSync(`${directory}.lock`)).toBe(false);
  });

  it("takes over a lock holding this process's own pid that it does not hold (a restart as the same pid)", async () => {
    const directory = freshDirectory();
    writeFileSync(`${directory}.lock`, String(process.pid));
    const database = await openDatabase(parseDatabaseUrl(`pglite:${directory}/`));
    await expect(openDatabase(parseDatabaseUrl(`pglite:${directory}`))).rejects.toBeInstanceOf(
      StoreInUseError,
    );
    await database.close();
    expect(existsSync(`${directory}.lock`)).toBe(false);
  });

  it("takes over a lock left by a process that is gone", async () => {
    const directory = freshDirectory();
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
      encoding: "utf8",
    });
    writeFileSync(`${directory}.lock`, gone.stdout);
    const database = await openDatabase(parseDatabaseUrl(`pglite:${directory}`));
    expect(readFileSync(`${directory}.lock`, "utf8")).toBe(String(process.pid));
    await database.close();
    expect(existsSync(`${directory}.lock`)).toBe(false);
  });
});
