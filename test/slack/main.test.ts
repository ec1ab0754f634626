import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/adapters/db/database.js";
import { createLibraryRepository } from "../../src/adapters/db/library-repository.js";
import { migrate } from "../../src/adapters/db/migrate.js";
import { parseDatabaseUrl } from "../../src/config.js";
import { createServerDatabase, dropServerDatabase, TEST_SERVER_URL } from "../support/database.js";
import { type FakeOpenAi, startFakeOpenAi } from "../support/fake-openai.js";
import { commandBody, type FakeSlack, postSigned, startFakeSlack } from "../support/fake-slack.js";
import { marketingFramework } from "../support/frameworks.js";
import { freePort } from "../support/free-port.js";
import { visibleText } from "./harness.js";

/**
 * `npm start` with Slack settings, as a process: the HTTP receiver on PORT, the Web API at SLACK_API_URL,
 * /healthz, and fits read through the OpenAI client when a key is set (here its server fails, so the
 * local engine answers and says so).
 */
const SECRET = "main-test-secret";
let fakeSlack: FakeSlack;
let fakeOpenAi: FakeOpenAi;
let child: ChildProcess;
let baseUrl: string;
let databaseUrl: string;
let directory: string | null = null;
let stderr = "";

beforeAll(async () => {
  if (TEST_SERVER_URL) databaseUrl = await createServerDatabase(TEST_SERVER_URL);
  else {
    directory = mkdtempSync(join(tmpdir(), "cb-main-"));
    databaseUrl = `pglite:${directory}`;
  }
  // A store that already has profiles, so the process skips loading the starter library.
  const database = await openDatabase(parseDatabaseUrl(databaseUrl));
  await migrate(database);
  await createLibraryRepository(database.prisma).saveFramework(marketingFramework());
  await database.close();

  fakeSlack = await startFakeSlack();
  fakeOpenAi = await startFakeOpenAi();
  fakeOpenAi.script(() => ({ kind: "json", status: 500, body: { error: { message: "down" } } }));
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(SLACK|OPENAI)_/.test(key)),
  );
  child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: {
      ...env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      SLACK_BOT_TOKEN: "xoxb-main-test",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fakeSlack.apiUrl,
      OPENAI_API_KEY: "sk-test",
      OPENAI_BASE_URL: fakeOpenAi.baseUrl,
      OPENAI_MAX_RETRIES: "0",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const deadline = Date.now() + 90_000;
  for (;;) {
    const ok = await fetch(`${baseUrl}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`the app did not start:\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
});

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
  await fakeSlack?.close();
  await fakeOpenAi?.close();
  if (directory) rmSync(directory, { recursive: true, force: true });
  if (TEST_SERVER_URL && databaseUrl) await dropServerDatabase(TEST_SERVER_URL, databaseUrl);
});

describe("npm start with Slack settings", () => {
  it("serves GET /healthz and answers signed commands on /slack/events", async () => {
    expect(await (await fetch(`${baseUrl}/healthz`)).json()).toEqual({ ok: true });
    const response = await postSigned(
      `${baseUrl}/slack/events`,
      commandBody({
        text: "compare Marketing Manager vs Media Relations Specialist",
        responseUrl: fakeSlack.responseUrl(),
      }),
      { secret: SECRET },
    );
    expect(response.status).toBe(200);
    expect(visibleText((await response.json()).blocks)).toContain(
      "Marketing Manager vs Media Relations Specialist",
    );
    const unsigned = await postSigned(
      `${baseUrl}/slack/events`,
      commandBody({ text: "help", responseUrl: fakeSlack.responseUrl() }),
      {
        signature: null,
      },
    );
    expect(unsigned.status).toBe(401);
  });

  it("reads fits through the model when a key is set, falling back to the local engine, and logs no candidate text", async () => {
    const summary =
      "Eleven years of media relations at Zyxwv Agency, pitching stories and coaching spokespeople.";
    const responseUrl = fakeSlack.responseUrl();
    await postSigned(
      `${baseUrl}/slack/events`,
      commandBody({ text: `fit Media Relations Specialist: ${summary}`, responseUrl }),
      { secret: SECRET },
    );
    await fakeSlack.waitFor(
      () => fakeSlack.responsePosts.some((post) => responseUrl.endsWith(post.path)),
      30_000,
    );
    const answer = fakeSlack.responsePosts.find((post) => responseUrl.endsWith(post.path))?.body.blocks;
    expect(visibleText(answer)).toContain("Engine: local (OpenAI unavailable: server error)");
    expect(fakeOpenAi.requests.length).toBeGreaterThan(0);
    expect(stderr).toContain("OpenAI gave no usable answer");
    expect(stderr).not.toContain("Zyxwv");
    expect(stderr).not.toContain("xoxb-main-test");
  });
});
