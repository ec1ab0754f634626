import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/adapters/db/database.js";
import { createLibraryRepository } from "../../src/adapters/db/library-repository.js";
import { migrate } from "../../src/adapters/db/migrate.js";
import { visibleText } from "../slack/harness.js";
import { type FakeOpenAi, startFakeOpenAi } from "../support/fake-openai.js";
import { commandBody, type FakeSlack, postSigned, startFakeSlack } from "../support/fake-slack.js";
import { marketingFramework } from "../support/frameworks.js";
import { freePort } from "../support/free-port.js";
import { postsTo } from "./support/service.js";

/**
 * SIGTERM to `npm start` in HTTP mode: the port closes at once (new connections are refused), the
 * request in flight finishes and is answered, the embedded database is closed cleanly, the exit code is 0.
 */
const SECRET = "shutdown-test-secret";
const SUMMARY = "Twelve years of media relations at a PR agency, pitching stories and coaching spokespeople.";
/** The model never answers; the client gives up after this long and the local engine answers. */
const SLOW_MS = 3_000;

let directory: string;
let fakeSlack: FakeSlack;
let fakeOpenAi: FakeOpenAi;
let child: ChildProcess;
let stderr = "";

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "cb-shutdown-"));
  const database = await openDatabase({ kind: "pglite", directory });
  await migrate(database);
  await createLibraryRepository(database.prisma).saveFramework(marketingFramework());
  await database.close();
  fakeSlack = await startFakeSlack();
  fakeOpenAi = await startFakeOpenAi();
  fakeOpenAi.script(() => ({ kind: "hang" }));
});

afterAll(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  await fakeSlack?.close();
  await fakeOpenAi?.close();
  rmSync(directory, { recursive: true, force: true });
});

describe("SIGTERM during a request", () => {
  it("finishes the request in flight, refuses new connections, closes the store, exits 0", async () => {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([key]) => !/^(SLACK|OPENAI)_/.test(key)),
    );
    child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: {
        ...env,
        DATABASE_URL: `pglite:${directory}`,
        PORT: String(port),
        SLACK_BOT_TOKEN: "xoxb-shutdown-test",
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: fakeSlack.apiUrl,
        OPENAI_API_KEY: "sk-test",
        OPENAI_BASE_URL: fakeOpenAi.baseUrl,
        OPENAI_MAX_RETRIES: "0",
        OPENAI_TIMEOUT_MS: String(SLOW_MS),
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    const deadline = Date.now() + 90_000;
    while (
      !(await fetch(`${baseUrl}/healthz`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`the app did not start:\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    const responseUrl = fakeSlack.responseUrl();
    const sent = Date.now();
    const ack = await postSigned(
      `${baseUrl}/slack/events`,
      commandBody({ text: `fit Media Relations Specialist: ${SUMMARY}`, responseUrl }),
      { secret: SECRET },
    );
    expect(visibleText((await ack.json()).blocks)).toContain("Assessing the candidate");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(postsTo(fakeSlack, responseUrl)).toHaveLength(0);

    const signalled = Date.now();
    child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 300));
    const refused = await fetch(`${baseUrl}/healthz`).then(
      () => "answered",
      (error: Error & { cause?: { code?: string } }) => error.cause?.code ?? error.message,
    );
    expect(refused).toBe("ECONNREFUSED");

    const code = await exited;
    const stopped = Date.now();
    expect(code).toBe(0);
    const answer = postsTo(fakeSlack, responseUrl);
    expect(answer).toHaveLength(1);
    expect(visibleText(answer[0]?.body.blocks)).toContain("Candidate fit: Media Relations Specialist");
    expect(stopped - sent).toBeGreaterThanOrEqual(SLOW_MS);
    const logged = stderr
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(logged.at(-1)).toMatchObject({ msg: "Stopped", drained: true });
    console.log(`SIGTERM to exit: ${stopped - signalled} ms (request in flight for ${SLOW_MS} ms)`);

    const reopened = await openDatabase({ kind: "pglite", directory });
    try {
      expect(await migrate(reopened)).toEqual([]);
      expect(await reopened.prisma.assessment.count()).toBe(1);
    } finally {
      await reopened.close();
    }
  });
});
