/**
 * Speed of the fit engine against the O*NET starter library:
 *   npx tsx test/domain/fit/bench-fit.ts [batchSize]
 * Prints the index build time, the median match time for ~3,000-character summaries, and a batch run's
 * total time and resident memory.
 */
import { FitEngine } from "../../../src/domain/fit/index.js";
import { loadOnetProfiles, readLabelled } from "./support/profiles.js";

const batchSize = Number(process.argv[2] ?? 1000);
const profiles = await loadOnetProfiles();
const summaries = readLabelled("dev-set.jsonl").map((item) => item.text);
/** Summaries of about 3,000 characters: each dev summary followed by others until long enough. */
const long = summaries.map((_, index) => {
  let text = "";
  for (let offset = 0; text.length < 3000; offset++)
    text += `${summaries[(index + offset) % summaries.length]}\n`;
  return text.slice(0, 3000);
});

let started = performance.now();
const engine = new FitEngine(profiles);
console.log(`${profiles.length} profiles; index built in ${Math.round(performance.now() - started)} ms`);

for (const text of long.slice(0, 10)) engine.match(text, { top: 5 });
const times = long.map((text) => {
  const start = performance.now();
  engine.match(text, { top: 5 });
  return performance.now() - start;
});
times.sort((a, b) => a - b);
console.log(
  `match, 3,000-character summary: median ${times[Math.floor(times.length / 2)]?.toFixed(1)} ms, p90 ${times[Math.floor(times.length * 0.9)]?.toFixed(1)} ms`,
);

started = performance.now();
for (let index = 0; index < batchSize; index++) engine.match(long[index % long.length] as string, { top: 5 });
const seconds = (performance.now() - started) / 1000;
console.log(
  `batch of ${batchSize}: ${seconds.toFixed(1)} s; resident memory ${Math.round(process.memoryUsage().rss / 1e6)} MB (heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB)`,
);
