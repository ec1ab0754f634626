import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/adapters/db/database.js";
import { parseDatabaseUrl } from "../../src/config.js";
import { visibleText } from "../slack/harness.js";
import {
  createServerDatabase,
  dropServerDatabase,
  TEST_SERVER_URL,
  type TestDatabase,
} from "../support/database.js";
import { commandBody, type FakeSlack, postSigned, startFakeSlack } from "../support/fake-slack.js";
import { type Instance, postsTo, sleep, startInstance } from "./support/service.js";

/**
 * The PostgreSQL server restarting under traffic, for real (`pg_ctlcluster … restart`): requests caught
 * by it are answered "please try again", nothing half-written stays behind, and the bot serves again as
 * soon as the server is back, without a restart of its own.
 *
 * Opt-in (RUN_FAULT_TESTS=1): it restarts the server every other test file may be using. Needs root
 * (or the postgres user) and a local cluster; the figures it prints are in docs/reliability.md.
 */
const RUN = process.env.RUN_FAULT_TESTS === "1";
const SERVER_URL = TEST_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const RATE_PER_SECOND = Number(process.env.FAULT_RATE ?? 20);
const SECONDS = Number(process.env.FAULT_SECONDS ?? 15);
const RESTART_AT_MS = 4_000;
const SUMMARY =
  "Nine years of media relations at a PR agency, pitching stories to national journalists and coaching spokespeople.";

type Sent = {
  at: number;
  responseUrl: string;
  status?: number;
  ack?: string;
  /** What the user ends up reading. */
  outcome?: "assessed" | "try again" | "other";
};

const run = promisify(execFile);

describe.skipIf(!RUN)("the PostgreSQL server restarting during traffic", () => {
  let db: TestDatabase;
  let fake: FakeSlack;
  let bot: Instance;

  beforeAll(async () => {
    const url = await createServerDatabase(SERVER_URL);
    const database = await openDatabase(parseDatabaseUrl(url));
    db = { ...database, url, dispose: () => database.close() };
    const { migrate } = await import("../../src/adapters/db/migrate.js");
    await migrate(db);
    fake = await startFakeSlack();
    bot = await startInstance({ db, slackApiUrl: fake.apiUrl });
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
    await db?.dispose();
    if (db) await dropServerDatabase(SERVER_URL, db.url);
  });

  it("fails the requests it catches kindly, keeps nothing half-written, and recovers by itself", async () => {
    const cluster = readdirSync("/etc/postgresql")[0] ?? "15";
    const sent: Sent[] = [];
    const started = Date.now();
    let restart = { began: 0, ended: 0 };

    const restarting = sleep(RESTART_AT_MS).then(async () => {
      restart.began = Date.now();
      await run("pg_ctlcluster", ["--skip-systemctl-redirect", cluster, "main", "restart"]);
      restart = { ...restart, ended: Date.now() };
    });

    // The server as a client sees it: when it stopped answering and when it answered again.
    const server = { downAt: 0, upAt: 0 };
    const probing = (async () => {
      while (Date.now() - started < SECONDS * 1000) {
        const up = await probeServer();
        const now = Date.now();
        if (!up && !server.downAt) server.downAt = now;
        if (up && server.downAt && !server.upAt) server.upAt = now;
        await sleep(25);
      }
    })();

    // Open loop: one command every 1/rate seconds, whatever the answers do.
    const requests: Promise<void>[] = [];
    const total = RATE_PER_SECOND * SECONDS;
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / RATE_PER_SECOND;
      await sleep(Math.max(0, due - Date.now()));
      const entry: Sent = { at: Date.now(), responseUrl: fake.responseUrl() };
      sent.push(entry);
      requests.push(
        postSigned(
          bot.endpoint,
          commandBody({ text: `fit Media Relations Specialist: ${SUMMARY}`, responseUrl: entry.responseUrl }),
        ).then(async (response) => {
          entry.status = response.status;
          const text = await response.text();
          entry.ack = text ? visibleText(JSON.parse(text).blocks) : "";
        }),
      );
    }
    await Promise.all(requests);
    await Promise.all([restarting, probing]);

    // Every request ends with an answer: the assessment or an apology, through the response_url or the ack.
    const answered = () =>
      sent.every((entry) => !entry.ack?.includes("Assessing") || postsTo(fake, entry.responseUrl).length > 0);
    await fake.waitFor(answered, 60_000);
    for (const entry of sent) {
      const final = postsTo(fake, entry.responseUrl).at(-1);
      const text = final ? visibleText(final.body.blocks) : (entry.ack ?? "");
      entry.outcome = text.includes("Candidate fit")
        ? "assessed"
        : text.includes("Please try again")
          ? "try again"
          : "other";
    }

    const failed = sent.filter((entry) => entry.outcome !== "assessed");
    const firstFailure = failed[0]?.at ?? restart.began;
    const lastFailure = failed.at(-1)?.at ?? restart.began;
    const recovered = sent.find((entry) => entry.at > lastFailure && entry.outcome === "assessed")?.at;
    const assessed = sent.filter((entry) => entry.outcome === "assessed").length;
    const stored = await db.prisma.assessment.count();
    const audited = await db.prisma.auditRecord.count({ where: { action: "assess_fit" } });
    const orphans = await db.prisma.$queryRawUnsafe<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM "Assessment" a WHERE NOT EXISTS (
         SELECT 1 FROM "AuditRecord" r WHERE r.action = 'assess_fit' AND r.detail->>'assessmentId' = a.id)`,
    );
    const figures = {
      sent: sent.length,
      ratePerSecond: RATE_PER_SECOND,
      http200: sent.filter((entry) => entry.status === 200).length,
      assessed,
      tryAgain: sent.filter((entry) => entry.outcome === "try again").length,
      other: sent.filter((entry) => entry.outcome === "other").length,
      stored,
      audited,
      assessmentsWithoutAudit: orphans[0]?.count,
      restartCommandMs: restart.ended - restart.began,
      serverDownFromMs: server.downAt - restart.began,
      serverUpAgainMs: server.upAt - restart.began,
      failedRequestsSentFromMs: firstFailure - restart.began,
      failedRequestsSentUntilMs: lastFailure - restart.began,
      firstServedAgainMs: recovered ? recovered - restart.began : null,
      botRecoveryAfterServerUpMs: recovered ? recovered - server.upAt : null,
    };
    console.log(`database restart: ${JSON.stringify(figures)}`);

    expect(figures.http200).toBe(sent.length);
    expect(figures.other).toBe(0);
    expect(stored).toBe(assessed);
    expect(figures.assessmentsWithoutAudit).toBe(0);
    expect(server.downAt).toBeGreaterThan(0);
    expect(recovered).toBeDefined();
    // Everything sent once the server is back and a second has passed is served.
    expect(sent.filter((entry) => entry.at > restart.ended + 1_000 && entry.outcome !== "assessed")).toEqual(
      [],
    );
    expect((await fetch(`${bot.baseUrl}/healthz`)).status).toBe(200);
    const all = bot.logs.join("");
    expect(all).not.toContain("journalists");
  });
});

async function probeServer(): Promise<boolean> {
  const client = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 500 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
