/**
 * `npm run bench`: measures each floor the issues set and prints the figures with the floor beside
 * them. Processes that are measured for memory or first start run as children, so one measurement
 * cannot warm or bloat another.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { runLoadBench } from "./load.bench.js";
import { runSlackBench } from "./slack.bench.js";
import { runSuccessionBench } from "./succession.bench.js";

type Row = { floor: string; figure: string; ok: boolean };
const rows: Row[] = [];
const record = (floor: string, figure: string, ok: boolean) => {
  rows.push({ floor, figure, ok });
  console.log(`${ok ? "ok  " : "FAIL"}  ${floor}: ${figure}`);
};

/** The V8 flags of `npm start`, so a probe's resident memory is what the bot's would be. */
const START_FLAGS = (JSON.parse(readFileSync("package.json", "utf8")).scripts.start as string)
  .split(" ")
  .filter((word) => word.startsWith("--"));

type ProbeFigures = Record<string, number> & {
  wallMs: number;
  readyMs: number;
  profiles: number;
  rssMb: number;
  lookupMedianMs: number;
  lookupP99Ms: number;
  compareMedianMs: number;
  compareP99Ms: number;
};

function probe(script: string, env: Record<string, string>): ProbeFigures {
  const started = performance.now();
  const out = execFileSync(process.execPath, ["--expose-gc", ...START_FLAGS, script], {
    env: { ...process.env, LOG_LEVEL: "silent", ...env },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 16 * 2 ** 20,
  });
  const last = out.trim().split("\n").at(-1) ?? "{}";
  return { ...JSON.parse(last), wallMs: Math.round(performance.now() - started) };
}

const LIBRARY_PROBE = "bench/probes/library-probe.mjs";
const FIT_PROBE = "bench/probes/fit-probe.mjs";

type FitFigures = {
  profiles: number;
  buildMs: number;
  matchMedianMs: number;
  matchP90Ms: number;
  batchCode: number;
  batchLines: number;
  batchSeconds: number;
  maxRssMb: number;
};

async function embedded() {
  const directory = mkdtempSync(join(tmpdir(), "cb-bench-"));
  try {
    const first = probe(LIBRARY_PROBE, { DATABASE_URL: `pglite:${directory}` });
    record(
      "first start, empty embedded database, library load included (< 60 s)",
      `${(first.wallMs / 1000).toFixed(1)} s for ${first.profiles} profiles`,
      first.wallMs < 60_000,
    );
    const again = probe(LIBRARY_PROBE, { DATABASE_URL: `pglite:${directory}` });
    record(
      "restart on the existing embedded database: resident memory (< 550 MB)",
      `${again.rssMb} MB (ready in ${again.readyMs} ms)`,
      again.rssMb < 550,
    );
    record(
      "fuzzy profile lookup, median (< 20 ms)",
      `${again.lookupMedianMs} ms (p99 ${again.lookupP99Ms} ms)`,
      again.lookupMedianMs < 20,
    );
    record(
      "profile compare, median (< 20 ms)",
      `${again.compareMedianMs} ms (p99 ${again.compareP99Ms} ms)`,
      again.compareMedianMs < 20,
    );
    const fit = probe(FIT_PROBE, { DATABASE_URL: `pglite:${directory}` }) as unknown as FitFigures;
    record(
      "one 3,000-character summary against the full library, median (< 50 ms)",
      `${fit.matchMedianMs} ms (p90 ${fit.matchP90Ms} ms, ${fit.profiles} profiles, index built in ${fit.buildMs} ms)`,
      fit.matchMedianMs < 50,
    );
    record(
      "batch: 1,000 summaries against the full library in one process (< 30 s, < 600 MB)",
      `${fit.batchSeconds} s, peak ${fit.maxRssMb} MB resident (${fit.batchLines} lines out)`,
      fit.batchCode === 0 && fit.batchLines === 1000 && fit.batchSeconds < 30 && fit.maxRssMb < 600,
    );
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

async function server(serverUrl: string) {
  const name = `cb_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    probe(LIBRARY_PROBE, { DATABASE_URL: url.toString() });
    const again = probe(LIBRARY_PROBE, { DATABASE_URL: url.toString() });
    record(
      "restart against a PostgreSQL server: resident memory (< 250 MB)",
      `${again.rssMb} MB`,
      again.rssMb < 250,
    );
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

await embedded();
const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
try {
  await server(serverUrl);
} catch (error) {
  console.log(`skip  PostgreSQL server figures: ${serverUrl} unreachable (${(error as Error).message})`);
}

const slack = await runSlackBench();
for (const floor of slack.floors) record(floor.name, floor.figure, floor.ok);

// The trust issue's load floor as it is set: 200 signed fit commands a second for 30 s, on each store.
for (const db of ["embedded", "server"] as const) {
  try {
    const load = await runLoadBench({ db, rate: 200, seconds: 30, serverUrl });
    for (const floor of load.floors) record(floor.name, floor.figure, floor.ok);
  } catch (error) {
    if (db === "embedded") throw error;
    console.log(`skip  load on the PostgreSQL server: ${(error as Error).message}`);
  }
}

const succession = await runSuccessionBench();
record(
  `${succession.people.toLocaleString("en")} people × ${succession.ratings / succession.people} ratings ranked for one role, median (< 500 ms)`,
  `${Math.round(succession.rankMedianMs)} ms (max ${Math.round(succession.rankMaxMs)} ms)`,
  succession.rankMedianMs < 500,
);
record(
  "bench strength for one role (< 1 s)",
  `${Math.round(succession.benchMedianMs)} ms median, ${Math.round(succession.benchMaxMs)} ms max`,
  succession.benchMaxMs < 1000,
);

const failed = rows.filter((row) => !row.ok).length;
console.log(`\n${rows.length - failed} of ${rows.length} floors met.`);
process.exitCode = failed > 0 ? 1 : 0;
