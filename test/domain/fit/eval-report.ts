/**
 * Prints the fit engine's evaluation next to the TF-IDF baseline:
 *   npx tsx test/domain/fit/eval-report.ts [--onet] [--misses]
 */
import { type EvaluationReport, evaluateRanking } from "../../../src/domain/fit/evaluate.js";
import { FitEngine } from "../../../src/domain/fit/index.js";
import { TfidfBaseline } from "../../../src/domain/fit/tfidf-baseline.js";
import { BLIND_PROFILE_TITLES, ONET_EQUIVALENTS } from "./support/onet-equivalents.js";
import { loadEvalProfiles, loadOnetProfiles, readLabelled } from "./support/profiles.js";

const percent = (value: number | null): string =>
  value === null ? "  n/a" : `${(100 * value).toFixed(1)}%`.padStart(6);

function line(name: string, report: EvaluationReport): string {
  return `${name.padEnd(10)} top1 ${percent(report.top1)}  top3 ${percent(report.top3)}  top5 ${percent(report.top5)}  macroF1 ${percent(report.macroF1)}  evidence precision ${percent(report.evidencePrecision)} recall ${percent(report.evidenceRecall)}`;
}

const showMisses = process.argv.includes("--misses");
const devProfiles = loadEvalProfiles();
const dev = readLabelled("dev-set.jsonl");
const ours = evaluateRanking(new FitEngine(devProfiles), dev, { framework: "eval-dev" });
const baseline = evaluateRanking(new TfidfBaseline(devProfiles), dev, { framework: "eval-dev" });
console.log(`eval-dev: ${dev.length} summaries, ${devProfiles.length} profiles`);
console.log(line("ours", ours));
console.log(line("tf-idf", baseline));
if (showMisses)
  for (const miss of ours.misses)
    console.log(`  miss ${miss.id}: ${miss.label} → ${miss.predicted.slice(0, 3).join(" / ")}`);

/** Robustness: every summary followed by the same generic paragraph real résumés carry. */
const filler = `
Additional Information
Volunteer at the local food bank on weekends, organizing donations and scheduling volunteers. Treasurer of the university hiking club: managed the club budget and wrote the newsletter. Interests: photography, running, cooking for friends, travel.
Skills: Microsoft Office (Word, Excel, PowerPoint, Outlook), communication, teamwork, time management, problem solving, customer service, attention to detail, leadership.
Languages: English (native), Spanish (conversational).
References available upon request.`;
const noisy = dev.map((item) => ({ ...item, text: `${item.text}\n${filler}`, competencies: undefined }));
console.log("eval-dev with a generic paragraph appended:");
console.log(line("ours", evaluateRanking(new FitEngine(devProfiles), noisy, { framework: "eval-dev" })));
console.log(
  line("tf-idf", evaluateRanking(new TfidfBaseline(devProfiles), noisy, { framework: "eval-dev" })),
);

if (process.argv.includes("--onet")) {
  const onetProfiles = await loadOnetProfiles();
  const onetSet = readLabelled("onet-dev-set.jsonl");
  const started = performance.now();
  const engine = new FitEngine(onetProfiles);
  const built = performance.now() - started;
  const onetOurs = evaluateRanking(engine, onetSet, { framework: "onet" });
  const onetBaseline = evaluateRanking(new TfidfBaseline(onetProfiles), onetSet, { framework: "onet" });
  console.log(
    `onet: ${onetSet.length} summaries, ${onetProfiles.length} profiles (index built in ${Math.round(built)} ms)`,
  );
  console.log(line("ours", onetOurs));
  console.log(line("tf-idf", onetBaseline));
  if (showMisses)
    for (const miss of onetOurs.misses)
      console.log(`  miss ${miss.id}: ${miss.label} → ${miss.predicted.join(" / ")}`);
  const blindTitles = new Set(Object.values(BLIND_PROFILE_TITLES));
  const blindProfiles = onetProfiles
    .filter((profile) => blindTitles.has(profile.title))
    .map((profile) => ({
      ...profile,
      frameworkName: "blind",
      tasks: [],
      alternateTitles: profile.alternateTitles.slice(0, 8),
      competencies: profile.competencies
        .filter((requirement) => requirement.category !== "Technology")
        .map((requirement) => ({ ...requirement, keywords: [], examples: [] })),
    }));
  const blindSet = dev.map((item) => ({
    ...item,
    label: BLIND_PROFILE_TITLES[item.label as string] ?? "",
    competencies: undefined,
  }));
  console.log(
    "eval-dev summaries against 25 O*NET profiles cut to the customer format (no tasks, keywords, technology; 8 alternate titles):",
  );
  console.log(line("ours", evaluateRanking(new FitEngine(blindProfiles), blindSet, { framework: "blind" })));
  console.log(
    line("tf-idf", evaluateRanking(new TfidfBaseline(blindProfiles), blindSet, { framework: "blind" })),
  );
  const devAsOnet = dev.map((item) => ({
    ...item,
    label: [...(ONET_EQUIVALENTS[item.label as string] ?? [])],
    competencies: undefined,
  }));
  const crossOurs = evaluateRanking(engine, devAsOnet, { framework: "onet" });
  console.log(`eval-dev summaries against onet (acceptable equivalents): ${devAsOnet.length}`);
  console.log(line("ours", crossOurs));
  console.log(
    line("tf-idf", evaluateRanking(new TfidfBaseline(onetProfiles), devAsOnet, { framework: "onet" })),
  );
  if (process.argv.includes("--cross-misses"))
    for (const miss of crossOurs.misses) console.log(`  miss ${miss.id} → ${miss.predicted.join(" / ")}`);
}
