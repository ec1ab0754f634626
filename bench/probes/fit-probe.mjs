/**
 * One measured process (plain JavaScript over dist/, with npm start's flags): matches 3,000-character
 * summaries against the whole library one at a time, then screens a batch of 1,000 through the
 * command line's `match --jsonl`, in one process. Prints one JSON line; maxRssMb is the peak.
 */
import { readFileSync } from "node:fs";
import { openAppContext } from "../../dist/app-context.js";
import { runCli } from "../../dist/cli/cli.js";
import { loadConfig } from "../../dist/config.js";

const texts = readFileSync("eval/dev-set.jsonl", "utf8")
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line).text);
/** Summaries of 3,000 characters: each dev summary followed by the next ones until long enough. */
const summaries = texts.map((_, index) => {
  let text = "";
  for (let offset = 0; text.length < 3000; offset++) text += `${texts[(index + offset) % texts.length]}\n`;
  return text.slice(0, 3000);
});

const context = await openAppContext(loadConfig());
const library = await context.library.get();
let started = performance.now();
const engine = library.fitEngine;
const buildMs = performance.now() - started;
for (const text of summaries.slice(0, 10)) engine.match(text, { top: 5 });
const times = summaries.map((text) => {
  const t0 = performance.now();
  engine.match(text, { top: 5 });
  return performance.now() - t0;
});
times.sort((a, b) => a - b);

const batch = Array.from({ length: 1000 }, (_, index) =>
  JSON.stringify({ id: `c${index}`, text: summaries[index % summaries.length] }),
).join("\n");
let lines = 0;
started = performance.now();
const code = await runCli(
  ["match", "--jsonl"],
  {
    stdout: (text) => (lines += text.split("\n").length - 1),
    stderr: () => {},
    readStdin: async () => batch,
  },
  { context },
);
const batchMs = performance.now() - started;
await context.close();
console.log(
  JSON.stringify({
    profiles: library.profiles.length,
    buildMs: Math.round(buildMs),
    matchMedianMs: Math.round(times[Math.floor(times.length / 2)] * 10) / 10,
    matchP90Ms: Math.round(times[Math.floor(times.length * 0.9)] * 10) / 10,
    batchCode: code,
    batchLines: lines,
    batchSeconds: Math.round(batchMs / 100) / 10,
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
