import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

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

  it("refuses a half-configured Slack setup with a message naming the variable", async () => {
    const { code, stderr } = await start("", {
      DATABASE_URL: "pglite:memory",
      SLACK_SIGNING_SECRET: "secret",
    });
    expect(code).toBe(2);
    expect(stderr).toContain("SLACK_BOT_TOKEN");
  });
});
