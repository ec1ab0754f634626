/**
 * The Slack floors, measured over real HTTP on loopback against the real Bolt receiver, with the Web API
 * faked locally and the embedded database:
 * - 50 concurrent `/profile compare` requests: every ack under 3 s, ack p99 under 300 ms, no errors;
 * - one `/profile compare` at a time, from signed request to the ack carrying the answer: median under 50 ms.
 *
 * `npx tsx bench/slack.bench.ts` prints the figures (`--sample` uses the small sample framework instead of
 * the whole starter library); `runSlackBench()` returns them.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { createAssessmentRepository } from "../src/adapters/db/assessment-repository.js";
import { createAuditRepository } from "../src/adapters/db/audit-repository.js";
import { type Database, openDatabase } from "../src/adapters/db/database.js";
import { createLibraryRepository } from "../src/adapters/db/library-repository.js";
import { migrate } from "../src/adapters/db/migrate.js";
import { readFrameworkFile } from "../src/adapters/framework-file/read-framework-file.js";
import { LibraryProvider } from "../src/services/library.js";
import { loadStarterLibrary, SAMPLE_FRAMEWORK_FILE } from "../src/services/load-starter-library.js";
import { createSlackApp } from "../src/slack/app.js";
import { createSlackDeps } from "../src/slack/deps.js";
import { createLogger } from "../src/slack/logger.js";
import { commandBody, postSigned, SIGNING_SECRET, startFakeSlack } from "../test/support/fake-slack.js";
import { median, percentile, round } from "./stats.js";

export type SlackBenchOptions = { concurrent?: number; sequential?: number; starterLibrary?: boolean };

export type SlackBenchResult = {
  profiles: number;
  concurrent: { requests: number; errors: number; medianMs: number; p99Ms: number; maxMs: number };
  sequential: { requests: number; errors: number; medianMs: number; p99Ms: number };
  floors: { name: string; ok: boolean; figure: string }[];
};

const QUERY = "compare Marketing Manager vs Media Relations Specialist";

async function loadLibrary(database: Database, starterLibrary: boolean): Promise<void> {
  const repository = createLibraryRepository(database.prisma);
  if (starterLibrary) {
    await loadStarterLibrary({ repository });
    return;
  }
  const sample = await readFrameworkFile(SAMPLE_FRAMEWORK_FILE);
  if (!sample.ok) throw new Error("the sample framework does not load");
  await repository.saveFramework(sample.framework);
}

export async function runSlackBench(options: SlackBenchOptions = {}): Promise<SlackBenchResult> {
  const concurrentCount = options.concurrent ?? 50;
  const sequentialCount = options.sequential ?? 200;
  const database = await openDatabase({ kind: "pglite", directory: null });
  const fake = await startFakeSlack();
  try {
    await migrate(database);
    await loadLibrary(database, options.starterLibrary ?? true);
    const libraryRepository = createLibraryRepository(database.prisma);
    const deps = createSlackDeps({
      database,
      libraryRepository,
      library: new LibraryProvider(libraryRepository),
      assessmentRepository: createAssessmentRepository(database.prisma),
      auditRepository: createAuditRepository(database.prisma),
      config: { retentionDays: 30 },
    });
    const library = await deps.library();
    const app = createSlackApp({
      slack: {
        botToken: "xoxb-bench",
        connection: { mode: "http", signingSecret: SIGNING_SECRET },
        apiUrl: fake.apiUrl,
      },
      deps,
      healthy: () => database.ping(),
      port: 0,
      logger: createLogger("silent"),
    });
    const server = (await app.start(0)) as Server;
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;

    /** Milliseconds from sending a signed compare to reading the ack that carries the comparison. */
    const compare = async (): Promise<number | Error> => {
      const body = commandBody({ text: QUERY, responseUrl: fake.responseUrl() });
      const started = performance.now();
      try {
        const response = await postSigned(endpoint, body);
        const answer = (await response.json()) as { blocks?: { type: string; text?: { text: string } }[] };
        const elapsed = performance.now() - started;
        if (
          response.status !== 200 ||
          answer.blocks?.[0]?.text?.text !== "Marketing Manager vs Media Relations Specialist"
        ) {
          return new Error(`unexpected answer (HTTP ${response.status})`);
        }
        return elapsed;
      } catch (error) {
        return error as Error;
      }
    };

    for (let i = 0; i < 20; i++) await compare();

    const sequential: number[] = [];
    let sequentialErrors = 0;
    for (let i = 0; i < sequentialCount; i++) {
      const result = await compare();
      if (result instanceof Error) sequentialErrors += 1;
      else sequential.push(result);
    }

    const results = await Promise.all(Array.from({ length: concurrentCount }, () => compare()));
    const concurrent = results.filter((result): result is number => typeof result === "number");
    const concurrentErrors = results.length - concurrent.length;

    await app.stop();

    const summary = {
      profiles: library.profiles.length,
      concurrent: {
        requests: concurrentCount,
        errors: concurrentErrors,
        medianMs: median(concurrent),
        p99Ms: percentile(concurrent, 0.99),
        maxMs: round(Math.max(...concurrent)),
      },
      sequential: {
        requests: sequentialCount,
        errors: sequentialErrors,
        medianMs: median(sequential),
        p99Ms: percentile(sequential, 0.99),
      },
    };
    return {
      ...summary,
      floors: [
        {
          name: `${concurrentCount} concurrent /profile compare: every ack under 3 s, no errors`,
          ok: concurrentErrors === 0 && summary.concurrent.maxMs < 3_000,
          figure: `max ${summary.concurrent.maxMs} ms, ${concurrentErrors} errors`,
        },
        {
          name: `${concurrentCount} concurrent /profile compare: ack p99 under 300 ms`,
          ok: summary.concurrent.p99Ms < 300,
          figure: `p99 ${summary.concurrent.p99Ms} ms (median ${summary.concurrent.medianMs} ms)`,
        },
        {
          name: "/profile compare, signed request to ack with the answer: median under 50 ms",
          ok: sequentialErrors === 0 && summary.sequential.medianMs < 50,
          figure: `median ${summary.sequential.medianMs} ms (p99 ${summary.sequential.p99Ms} ms, ${sequentialCount} requests)`,
        },
      ],
    };
  } finally {
    await fake.close();
    await database.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runSlackBench({ starterLibrary: !process.argv.includes("--sample") });
  console.log(`Library: ${result.profiles} profiles`);
  for (const floor of result.floors)
    console.log(`${floor.ok ? "ok  " : "FAIL"}  ${floor.name}: ${floor.figure}`);
  process.exitCode = result.floors.every((floor) => floor.ok) ? 0 : 1;
}
