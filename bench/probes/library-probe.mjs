/**
 * One measured process: opens the store named by DATABASE_URL (loading the starter library if it is
 * empty), builds the in-memory library, then times fuzzy lookups and compares. Prints one JSON line.
 * Plain JavaScript over the compiled dist/, run with the flags `npm start` uses, so its resident
 * memory is the bot's own.
 */

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] * 100) / 100;
};

import { openAppContext } from "../../dist/app-context.js";
import { loadConfig } from "../../dist/config.js";
import { compareProfiles } from "../../dist/services/compare-profiles.js";
import { findProfile } from "../../dist/services/find-profile.js";

const LOOKUPS = [
  "Marketing Manager",
  "Markting Manager",
  "PR specialist",
  "registered nurse",
  "software developer",
  "Acountant",
  "truck driver",
  "hr manager",
  "data scientist",
  "Media Relations Specialist",
];
const COMPARES = [
  "Marketing Manager vs Media Relations Specialist",
  "Accountants vs Auditors",
  "Registered Nurses vs Licensed Practical and Licensed Vocational Nurses",
  "Software Developers, Applications vs Computer Systems Analysts",
];

const started = performance.now();
const context = await openAppContext(loadConfig());
const library = await context.library.get();
const readyMs = performance.now() - started;

const time = (work) => {
  const t0 = performance.now();
  work();
  return performance.now() - t0;
};
const lookupMs = [];
const compareMs = [];
for (let round = 0; round < 20; round += 1) {
  for (const title of LOOKUPS) lookupMs.push(time(() => findProfile({ library, title })));
  for (const query of COMPARES) compareMs.push(time(() => compareProfiles({ library, query })));
}
global.gc?.();
const rssMb = process.memoryUsage().rss / 2 ** 20;
await context.close();
console.log(
  JSON.stringify({
    readyMs: Math.round(readyMs),
    profiles: library.profiles.length,
    lookupMedianMs: percentile(lookupMs, 0.5),
    lookupP99Ms: percentile(lookupMs, 0.99),
    compareMedianMs: percentile(compareMs, 0.5),
    compareP99Ms: percentile(compareMs, 0.99),
    rssMb: Math.round(rssMb),
  }),
);
