/**
 * `npm run eval`: the fit engine's matching quality on the development set, on summaries whose job
 * titles mislead (eval/dev-set-hard.jsonl), on a second set written blind (eval/blind-2) and on the
 * held-out set (eval/blind), next to a plain TF-IDF baseline, and its evidence precision.
 *   npm run eval [-- --onet] [--misses] [--openai]
 * --onet adds the O*NET checks (45 summaries against 967 occupations, and the development set cut to
 * the customer format); --openai also reads the annotated summaries with the OpenAI-compatible server
 * configured by OPENAI_API_KEY / OPENAI_BASE_URL / OPENAI_MODEL and compares its evidence with the
 * local engine's (ranking stays local: the model reads one profile at a time).
 */
import { createOpenAiAssessor } from "../src/adapters/openai/create-openai-assessor.js";
import { loadConfig } from "../src/config.js";
import { type EvaluationReport, evaluateEvidenceWith, evaluateRanking } from "../src/domain/fit/evaluate.js";
import { FitEngine } from "../src/domain/fit/index.js";
import { TfidfBaseline } from "../src/domain/fit/tfidf-baseline.js";
import { byProfileId } from "../src/services/model-assessor.js";
import { BLIND_PROFILE_TITLES, ONET_EQUIVALENTS } from "../test/domain/fit/support/onet-equivalents.js";
import {
  EVAL_DIRECTORY,
  loadEvalProfiles,
  loadOnetProfiles,
  readFrameworkYaml,
  readLabelled,
  toJobProfiles,
} from "../test/domain/fit/support/profiles.js";

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

/**
 * Summaries whose job titles mislead (eval/dev-set-hard.jsonl): recruiter and hiring-manager notes,
 * referrals, career changers, jobs wanted. Labelled with the job the person is qualified for now.
 */
const hard = readLabelled("dev-set-hard.jsonl");
const hardOurs = evaluateRanking(new FitEngine(devProfiles), hard, { framework: "eval-dev" });
console.log(`eval-dev-hard (titles of past, wanted or the writer's jobs): ${hard.length} summaries`);
console.log(line("ours", hardOurs));
console.log(line("tf-idf", evaluateRanking(new TfidfBaseline(devProfiles), hard, { framework: "eval-dev" })));
if (showMisses)
  for (const miss of hardOurs.misses)
    console.log(`  miss ${miss.id}: ${miss.label} → ${miss.predicted.slice(0, 3).join(" / ")}`);

/**
 * A second set written blind against eval/framework.yaml by someone who never saw the engine
 * (eval/blind-2): 100 summaries in many styles. A development set: read it, analyse its misses.
 */
const blind2 = readLabelled("blind-2/summaries.jsonl");
const blind2Ours = evaluateRanking(new FitEngine(devProfiles), blind2, { framework: "eval-dev" });
console.log(`eval-blind-2 (written blind, used for development): ${blind2.length} summaries`);
console.log(line("ours", blind2Ours));
console.log(
  line("tf-idf", evaluateRanking(new TfidfBaseline(devProfiles), blind2, { framework: "eval-dev" })),
);
if (showMisses)
  for (const miss of blind2Ours.misses)
    console.log(`  miss ${miss.id}: ${miss.label} → ${miss.predicted.slice(0, 3).join(" / ")}`);

/**
 * A held-out check: a 25-profile framework and 83 résumés written by someone who had not seen the
 * engine or the development set (eval/blind); never used to tune anything.
 */
const blindProfiles = toJobProfiles(readFrameworkYaml(`${EVAL_DIRECTORY}blind/framework.yaml`));
const blind = readLabelled("blind/resumes.jsonl");
console.log(`blind-25 (held out): ${blind.length} résumés, ${blindProfiles.length} profiles`);
console.log(line("ours", evaluateRanking(new FitEngine(blindProfiles), blind, { framework: "blind-25" })));
console.log(
  line("tf-idf", evaluateRanking(new TfidfBaseline(blindProfiles), blind, { framework: "blind-25" })),
);

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

if (process.argv.includes("--openai")) {
  const assessor = createOpenAiAssessor(loadConfig().openai);
  if (!assessor) {
    console.log("--openai needs OPENAI_API_KEY (and OPENAI_BASE_URL for a compatible server).");
    process.exitCode = 2;
  } else {
    const engine = new FitEngine(devProfiles);
    const byId = new Map(devProfiles.map((profile) => [profile.id, profile]));
    const assess = byProfileId(assessor, (id) => byId.get(id) as (typeof devProfiles)[number]);
    const model = await evaluateEvidenceWith(assess, engine, dev, { framework: "eval-dev" });
    const local = await evaluateEvidenceWith(async (text, id) => engine.assess(text, id), engine, dev, {
      framework: "eval-dev",
    });
    console.log("evidence on the annotated eval-dev summaries, per engine:");
    console.log(`  local   precision ${percent(local.precision)} recall ${percent(local.recall)}`);
    console.log(`  openai  precision ${percent(model.precision)} recall ${percent(model.recall)}`);
    console.log(`  answered by: ${JSON.stringify(model.engines)}`);
  }
}
