/**
 * Load on loopback: signed `/profile fit <title>: <summary>` commands at a fixed rate (open loop: each
 * is sent at its time whatever the earlier ones are doing) against the bot as `npm start` runs it (its own
 * process, `node dist/main.js`, the HTTP receiver), with the embedded database or a PostgreSQL server.
 * This process is the sender and the fake Slack that receives the answers, so the bot's event loop is
 * measured on its own. Floors: no errors, ack p99 under 500 ms, every assessment stored exactly once.
 *
 *   npx tsx bench/load.bench.ts [--db embedded|server] [--rate 200] [--seconds 30] [--library starter|sample]
 *
 * `runLoadBench()` returns the figures (bench/run.ts can call it with a smaller rate and duration).
 * The server is BENCH_DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/test.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent, createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { openDatabase } from "../src/adapters/db/database.js";
import { createLibraryRepository } from "../src/adapters/db/library-repository.js";
import { migrate } from "../src/adapters/db/migrate.js";
import { readFrameworkFile } from "../src/adapters/framework-file/read-framework-file.js";
import { parseDatabaseUrl } from "../src/config.js";
import { loadStarterLibrary, SAMPLE_FRAMEWORK_FILE } from "../src/services/load-starter-library.js";
import { median, percentile, round } from "./stats.js";

export type LoadBenchOptions = {
  db?: "embedded" | "server";
  /** Commands per second. */
  rate?: number;
  seconds?: number;
  /** The whole starter library (about 1,000 profiles) or the five-profile sample framework. */
  library?: "starter" | "sample";
  serverUrl?: string;
};

export type LoadBenchResult = {
  db: "embedded" | "server";
  profiles: number;
  sent: number;
  seconds: number;
  achievedRate: number;
  /** From each command's scheduled time to its acknowledgement (the sender's own delay included). */
  ackMs: { p50: number; p99: number; max: number };
  /** From each command's scheduled time to its assessment reaching the response_url. */
  answerMs: { p50: number; p99: number; max: number };
  /** How late the sender sent, at worst: large values mean the sender, not the bot, fell behind. */
  maxSendLagMs: number;
  errors: {
    http: number;
    network: number;
    unexpectedAck: number;
    missingAnswer: number;
    wrongAnswer: number;
  };
  /** Network errors by code (a timeout after 10 s, a reset connection…). */
  networkErrors: Record<string, number>;
  assessmentsStored: number;
  distinctRequestKeys: number;
  botPeakRssMb: number;
  shutdown: { exitCode: number | null; ms: number };
  floors: { name: string; ok: boolean; figure: string }[];
};

const SECRET = "load-bench-signing-secret";
const SUMMARY =
  "Eight years in marketing and communications: led a team of five, managed a budget of two million, " +
  "planned and ran product launch campaigns, wrote press releases and pitched stories to journalists, " +
  "analysed market research and customer data to set pricing, negotiated with agencies and vendors, " +
  "presented results to senior leadership and coached junior colleagues.";
/** `npm start`'s V8 flags, so the bot runs as it does in production. */
const START_FLAGS = (JSON.parse(readFileSync("package.json", "utf8")).scripts.start as string)
  .split(" ")
  .filter((word) => word.startsWith("--"))
  // Extra flags for the bot, to look inside it: BENCH_BOT_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof".
  .concat((process.env.BENCH_BOT_FLAGS ?? "").split(" ").filter(Boolean));

/** Assessments sent before the measured run, one at a time. */
const WARM_UP = 50;

type Shot = {
  scheduled: number;
  sent?: number;
  acked?: number;
  answered?: number;
  outcome?: string;
  /** What went wrong with the connection, for a network error. */
  error?: string;
};

export async function runLoadBench(options: LoadBenchOptions = {}): Promise<LoadBenchResult> {
  const db = options.db ?? "embedded";
  const rate = options.rate ?? 200;
  const seconds = options.seconds ?? 30;
  const store = await prepareStore(db, options.library ?? "starter", options.serverUrl);
  const slack = await startAnswerReceiver();
  let bot: ChildProcess | undefined;
  try {
    execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
    const port = await freePort();
    bot = spawn(process.execPath, [...START_FLAGS, "dist/main.js"], {
      env: {
        ...withoutSlackOrOpenAi(process.env),
        DATABASE_URL: store.url,
        PORT: String(port),
        SLACK_BOT_TOKEN: "xoxb-load-bench",
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: slack.apiUrl,
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "ignore", "ignore"],
    });
    const endpoint = `http://127.0.0.1:${port}/slack/events`;
    await waitUntilHealthy(`http://127.0.0.1:${port}/healthz`, bot);

    const agent = new Agent({ keepAlive: true, maxSockets: 1_024 });
    const title = (index: number) => store.titles[index % store.titles.length] as string;
    const fitCommand = (index: number) => `fit ${title(index)}: ${SUMMARY}`;
    // Warm-up, one at a time: the first assessments of a fresh process are slow (code not yet optimized).
    for (let i = 0; i < WARM_UP; i++) {
      await sendCommand(
        agent,
        endpoint,
        slack.base,
        { index: -1 - i, text: fitCommand(i) },
        { scheduled: 0 },
      );
    }
    await slack.settled(WARM_UP, 30_000);
    slack.answers.clear();
    const fire = (index: number, shot: Shot) =>
      sendCommand(agent, endpoint, slack.base, { index, text: fitCommand(index) }, shot);

    const shots = await openLoop(rate, seconds, fire);
    await slack.settled(shots.length, 60_000);
    for (const [index, answer] of slack.answers) {
      const shot = shots[index];
      if (shot) {
        shot.answered = answer.at;
        // A command whose acknowledgement failed stays an error, even if its answer came later.
        shot.outcome ??= answer.assessed ? "assessed" : "other";
      }
    }
    const peakRss = peakRssMb(bot.pid);
    const stopping = performance.now();
    bot.kill("SIGTERM");
    const exitCode = await new Promise<number | null>((resolve) => bot?.once("exit", resolve));
    const shutdownMs = Math.round(performance.now() - stopping);
    agent.destroy();

    const stored = await store.count();
    const counts = { assessments: stored.assessments - WARM_UP, distinctKeys: stored.distinctKeys - WARM_UP };
    return summarize({
      db,
      rate,
      seconds,
      shots,
      counts,
      peakRss,
      exitCode,
      shutdownMs,
      profiles: store.profiles,
    });
  } finally {
    if (bot && bot.exitCode === null) bot.kill("SIGKILL");
    await slack.close();
    await store.dispose();
  }
}

/** Sends command `index` at its scheduled time, without waiting for it. */
async function openLoop(
  rate: number,
  seconds: number,
  fire: (index: number, shot: Shot) => Promise<void>,
): Promise<Shot[]> {
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const start = performance.now() + 50;
  const shots: Shot[] = [];
  const inFlight: Promise<void>[] = [];
  while (shots.length < total) {
    const now = performance.now();
    while (shots.length < total && start + shots.length * interval <= now) {
      const shot: Shot = { scheduled: start + shots.length * interval };
      inFlight.push(fire(shots.length, shot));
      shots.push(shot);
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(inFlight);
  return shots;
}

/** POSTs a signed `/profile <text>` whose answer goes to the receiver's /response/<index>. */
function sendCommand(
  agent: Agent,
  endpoint: string,
  receiver: string,
  { index, text }: { index: number; text: string },
  shot: Shot,
): Promise<void> {
  const body = new URLSearchParams({
    token: "legacy",
    team_id: "T1",
    team_domain: "bench",
    channel_id: "C1",
    channel_name: "hiring",
    user_id: `U${Math.abs(index) % 50}`,
    user_name: "recruiter",
    command: "/profile",
    text,
    api_app_id: "A1",
    response_url: `${receiver}/response/${index}`,
    trigger_id: `bench.${process.pid}.${index}.${Date.now()}`,
  }).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac("sha256", SECRET).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  shot.sent = performance.now();
  return new Promise((resolve) => {
    const req = request(
      endpoint,
      {
        method: "POST",
        agent,
        timeout: 10_000,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "content-length": Buffer.byteLength(body),
          "x-slack-request-timestamp": String(timestamp),
          "x-slack-signature": signature,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          shot.acked = performance.now();
          const text = Buffer.concat(chunks).toString("utf8");
          if (response.statusCode !== 200) shot.outcome = "http";
          else if (!text.includes("Assessing the candidate")) shot.outcome = "unexpectedAck";
          resolve();
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (shot.acked !== undefined) return;
      shot.outcome = "network";
      shot.error = error.code ?? error.message;
      resolve();
    });
    req.end(body);
  });
}

type AnswerReceiver = {
  base: string;
  apiUrl: string;
  answers: Map<number, { at: number; assessed: boolean }>;
  /** Resolves once `count` answers arrived, or after `timeoutMs`. */
  settled(count: number, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
};

/** Slack's side on loopback: the Web API (auth.test) and the response_urls the answers go to. */
async function startAnswerReceiver(): Promise<AnswerReceiver> {
  const answers = new Map<number, { at: number; assessed: boolean }>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const path = req.url ?? "";
      const answer = /^\/response\/(-?\d+)$/.exec(path);
      if (answer) {
        const text = Buffer.concat(chunks).toString("utf8");
        answers.set(Number(answer[1]), { at: performance.now(), assessed: text.includes("Candidate fit") });
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        path === "/api/auth.test"
          ? JSON.stringify({ ok: true, team_id: "T1", user_id: "UBOT", bot_id: "BBOT" })
          : '{"ok":true}',
      );
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    apiUrl: `${base}/api/`,
    answers,
    async settled(count, timeoutMs) {
      const deadline = performance.now() + timeoutMs;
      while (answers.size < count && performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type Store = {
  url: string;
  profiles: number;
  titles: string[];
  count(): Promise<{ assessments: number; distinctKeys: number }>;
  dispose(): Promise<void>;
};

/** A fresh store with the library loaded, closed again so the bot can open it. */
async function prepareStore(
  kind: "embedded" | "server",
  library: "starter" | "sample",
  serverUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test",
): Promise<Store> {
  let url: string;
  let dispose: () => Promise<void>;
  if (kind === "embedded") {
    const directory = mkdtempSync(join(tmpdir(), "cb-load-"));
    url = `pglite:${directory}`;
    dispose = async () => rmSync(directory, { recursive: true, force: true });
  } else {
    const name = `cb_load_${process.pid}`;
    await withAdmin(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
    const target = new URL(serverUrl);
    target.pathname = `/${name}`;
    url = target.toString();
    dispose = async () => {
      await withAdmin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    };
  }
  const database = await openDatabase(parseDatabaseUrl(url));
  try {
    await migrate(database);
    const repository = createLibraryRepository(database.prisma);
    if (library === "starter") await loadStarterLibrary({ repository });
    else {
      const sample = await readFrameworkFile(SAMPLE_FRAMEWORK_FILE);
      if (!sample.ok) throw new Error("the sample framework does not load");
      await repository.saveFramework(sample.framework);
    }
    const profiles = await database.prisma.jobProfile.findMany({
      select: { title: true },
      orderBy: { id: "asc" },
    });
    const step = Math.max(1, Math.floor(profiles.length / 40));
    return {
      url,
      profiles: profiles.length,
      titles: profiles.filter((_, i) => i % step === 0).map((profile) => profile.title),
      async count() {
        const reader = await openDatabase(parseDatabaseUrl(url));
        try {
          const [row] = await reader.prisma.$queryRawUnsafe<{ assessments: number; keys: number }[]>(
            `SELECT count(*)::int AS assessments, count(DISTINCT "requestKey")::int AS keys FROM "Assessment"`,
          );
          return { assessments: row?.assessments ?? 0, distinctKeys: row?.keys ?? 0 };
        } finally {
          await reader.close();
        }
      },
      dispose,
    };
  } finally {
    await database.close();
  }
}

function summarize(run: {
  db: "embedded" | "server";
  rate: number;
  seconds: number;
  shots: Shot[];
  counts: { assessments: number; distinctKeys: number };
  peakRss: number;
  exitCode: number | null;
  shutdownMs: number;
  profiles: number;
}): LoadBenchResult {
  const { shots } = run;
  const acks = shots.flatMap((shot) => (shot.acked === undefined ? [] : [shot.acked - shot.scheduled]));
  const answers = shots.flatMap((shot) =>
    shot.answered === undefined ? [] : [shot.answered - shot.scheduled],
  );
  const sendSpan = ((shots.at(-1)?.sent ?? 0) - (shots[0]?.sent ?? 0)) / 1000;
  const errors = {
    http: shots.filter((shot) => shot.outcome === "http").length,
    network: shots.filter((shot) => shot.outcome === "network").length,
    unexpectedAck: shots.filter((shot) => shot.outcome === "unexpectedAck").length,
    missingAnswer: shots.filter((shot) => shot.outcome === undefined && shot.answered === undefined).length,
    wrongAnswer: shots.filter((shot) => shot.outcome === "other").length,
  };
  const errorCount = Object.values(errors).reduce((sum, n) => sum + n, 0);
  const ackMs = { p50: median(acks), p99: percentile(acks, 0.99), max: round(Math.max(...acks)) };
  const result: Omit<LoadBenchResult, "floors"> = {
    db: run.db,
    profiles: run.profiles,
    sent: shots.length,
    seconds: run.seconds,
    achievedRate: round(shots.length / Math.max(sendSpan, 1e-9), 1),
    ackMs,
    answerMs: { p50: median(answers), p99: percentile(answers, 0.99), max: round(Math.max(...answers)) },
    maxSendLagMs: round(Math.max(...shots.map((shot) => (shot.sent ?? 0) - shot.scheduled))),
    errors,
    networkErrors: countBy(shots.flatMap((shot) => (shot.error ? [shot.error] : []))),
    assessmentsStored: run.counts.assessments,
    distinctRequestKeys: run.counts.distinctKeys,
    botPeakRssMb: run.peakRss,
    shutdown: { exitCode: run.exitCode, ms: run.shutdownMs },
  };
  const label = `${run.rate}/s for ${run.seconds} s, ${run.db} database`;
  return {
    ...result,
    floors: [
      {
        name: `${label}: no errors`,
        ok: errorCount === 0,
        figure: `${errorCount} errors of ${shots.length} (${JSON.stringify(errors)})`,
      },
      {
        name: `${label}: ack p99 under 500 ms`,
        ok: ackMs.p99 < 500,
        figure: `p50 ${ackMs.p50} ms, p99 ${ackMs.p99} ms, max ${ackMs.max} ms (rate achieved ${result.achievedRate}/s)`,
      },
      {
        name: `${label}: every assessment stored once`,
        ok: run.counts.assessments === shots.length && run.counts.distinctKeys === shots.length,
        figure: `${run.counts.assessments} stored (${run.counts.distinctKeys} distinct requests) for ${shots.length} sent`,
      },
    ],
  };
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

async function waitUntilHealthy(url: string, bot: ChildProcess): Promise<void> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    if (bot.exitCode !== null) throw new Error(`the bot exited with ${bot.exitCode} before it was ready`);
    if (Date.now() > deadline) throw new Error("the bot was not ready within 3 minutes");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function peakRssMb(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
}

function withoutSlackOrOpenAi(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !/^(SLACK|OPENAI)_/.test(key)));
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function withAdmin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runLoadBench({
    db: option("db") === "server" ? "server" : "embedded",
    rate: Number(option("rate") ?? 200),
    seconds: Number(option("seconds") ?? 30),
    library: option("library") === "sample" ? "sample" : "starter",
  });
  const { floors, ...figures } = result;
  console.log(JSON.stringify(figures));
  for (const floor of floors) console.log(`${floor.ok ? "ok  " : "FAIL"}  ${floor.name}: ${floor.figure}`);
  process.exitCode = floors.every((floor) => floor.ok) ? 0 : 1;
}
