import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/adapters/db/database.js";
import { createLibraryRepository } from "../../src/adapters/db/library-repository.js";
import { migrate } from "../../src/adapters/db/migrate.js";
import { parseDatabaseUrl } from "../../src/config.js";
import { marketingFramework } from "../support/frameworks.js";

/** `npm start` on a fresh machine: no Slack settings, an empty embedded database, commands piped in. */
function start(
  input: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const cleanEnv = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith("SLACK_")),
  );
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: { ...cleanEnv, LOG_LEVEL: "silent", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe("npm start without Slack credentials", () => {
  it("loads the starter library with progress, answers piped commands and exits at end of input", {
    timeout: 240_000,
  }, async () => {
    const { code, stdout, stderr } = await start(
      [
        "/profile compare Marketing Manager vs Media Relations Specialist",
        "/profile search nurse",
        "/profile bogus-command-xyz",
      ].join("\n"),
      { DATABASE_URL: "pglite:memory" },
    );
    expect(stderr).toContain("Loading the starter library");
    expect(stderr).toContain("local console");
    expect(stdout).toContain("Marketing Manager vs Media Relations Specialist");
    expect(stdout).toMatch(/General: \d+ of \d+ shared · Technical: \d+ of \d+ shared/);
    expect(stdout).toMatch(/Registered Nurses/);
    expect(code).toBe(0);
  });

  it("does the app's housekeeping: candidate text past its retention and expired pending summaries go", {
    timeout: 120_000,
  }, async () => {
    const directory = mkdtempSync(join(tmpdir(), "cb-console-"));
    const url = `pglite:${directory}`;
    const withStore = async <T>(work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>) => {
      const db = await openDatabase(parseDatabaseUrl(url));
      try {
        return await work(db);
      } finally {
        await db.close();
      }
    };
    try {
      const longAgo = new Date(Date.now() - 60 * 24 * 60 * 60 * 1000);
      await withStore(async (db) => {
        await migrate(db);
        await createLibraryRepository(db.prisma).saveFramework(marketingFramework());
        await db.prisma.pendingRequest.create({
          data: { id: "expired", actor: "U1", payload: { summary: "waiting words" }, expiresAt: longAgo },
        });
        await db.prisma.assessment.create({
          data: {
            id: "old",
            actor: "U1",
            profileTitle: "Marketing Manager",
            frameworkName: "acme",
            profileVersion: 1,
            engine: "local",
            overall: 50,
            band: "partial",
            details: { competencies: [] },
            summaryText: "old candidate words",
            purgeAfter: longAgo,
          },
        });
      });

      const { code } = await start("/profile help\n", { DATABASE_URL: url });

      expect(code).toBe(0);
      await withStore(async (db) => {
        expect(await db.prisma.pendingRequest.count()).toBe(0);
        expect((await db.prisma.assessment.findUnique({ where: { id: "old" } }))?.summaryText).toBeNull();
        expect(await db.prisma.auditRecord.count({ where: { action: "purge_candidate_text" } })).toBe(1);
      });
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it("refuses a half-configured Slack setup with a message naming the variable", async () => {
    const { code, stderr } = await start("", {
      DATABASE_URL: "pglite:memory",
      SLACK_SIGNING_SECRET: "secret",
    });
    expect(code).toBe(2);
    expect(stderr).toContain("SLACK_BOT_TOKEN");
  });
});
