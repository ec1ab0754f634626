import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { invalidInput } from "../../domain/errors.js";
import { FitInputError } from "../../domain/fit/index.js";
import { assessCandidate } from "../../services/assess-candidate.js";
import { MAX_TOP, matchCandidate } from "../../services/match-candidate.js";
import { readTextFile, resolveProfile, wholeNumberOption } from "../arguments.js";
import { type CliCommand, type CommandInput, print } from "../command.js";
import { renderFit, renderMatchResults } from "../render/fit.js";
import { CLI_ACTOR } from "./privacy.js";

/** The candidate summary: from --file, else standard input. */
async function readSummary(input: CommandInput): Promise<string> {
  const file = input.values.file as string | undefined;
  if (file) return readTextFile(file);
  const text = await input.io.readStdin();
  if (!text.trim()) throw invalidInput("Give the candidate summary on standard input or with --file <path>.");
  return text;
}

export const fitCommand: CliCommand = {
  name: ["fit"],
  usage: "fit <title> [--file F] [--framework NAME]",
  summary: "Assess a candidate summary (stdin or --file) against one profile, with evidence and gaps.",
  options: { file: { type: "string" }, framework: { type: "string" } },
  async run(input) {
    const title = input.positionals.join(" ").trim();
    if (!title)
      throw invalidInput(
        'Give the job title to assess against, e.g. fit "Media Relations Specialist" < cv.txt',
      );
    const summary = await readSummary(input);
    const context = await input.context();
    const library = await context.library.get();
    const profile = resolveProfile(input, library, title);
    if (!profile) return 3;
    const { assessmentId, fit } = await assessCandidate(
      {
        library,
        assessments: context.assessmentRepository,
        clock: () => new Date(),
        retentionDays: context.config.retentionDays,
      },
      { actor: CLI_ACTOR, profileId: profile.id, summary },
    );
    print(input, { assessmentId, ...fit }, () => renderFit(fit, assessmentId));
    return 0;
  },
};

type BatchLine = { id: string; text: string };

export const matchCommand: CliCommand = {
  name: ["match"],
  usage: "match [--framework NAME] [--family NAME] [--top N] [--file F | --jsonl]",
  summary: "The profiles a summary fits best; --jsonl screens {id, text} lines from stdin in one process.",
  options: {
    file: { type: "string" },
    framework: { type: "string" },
    family: { type: "string" },
    top: { type: "string" },
    jsonl: { type: "boolean" },
  },
  async run(input) {
    const top = wholeNumberOption(input, "top", { max: MAX_TOP, fallback: 5 });
    const filter = {
      framework: input.values.framework as string | undefined,
      family: input.values.family as string | undefined,
    };
    if (input.values.jsonl) return runBatch(input, top, filter);
    const summary = await readSummary(input);
    const context = await input.context();
    const library = await context.library.get();
    const results = await matchCandidate(
      { library, audit: context.auditRepository },
      { actor: CLI_ACTOR, summary, top, ...filter },
    );
    print(input, results, () => renderMatchResults(results));
    return 0;
  },
};

/**
 * Batch screening: one output line per input line, in order; a bad line is reported by its id (or line
 * number) on stderr and in its output line, and the rest still run. Exit code 1 when any line failed.
 */
async function runBatch(
  input: CommandInput,
  top: number,
  filter: { framework?: string; family?: string },
): Promise<number> {
  const context = await input.context();
  const library = await context.library.get();
  const engine = library.fitEngine;
  const lines = createInterface({
    input: Readable.from([await input.io.readStdin()]),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let lineNumber = 0;
  let screened = 0;
  let failed = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (!line.trim()) continue;
    let item: BatchLine;
    try {
      item = parseBatchLine(line, lineNumber);
    } catch (error) {
      failed += 1;
      reportBatchError(input, `line ${lineNumber}`, null, (error as Error).message);
      continue;
    }
    try {
      const results = engine.match(item.text, { top, ...filter }).map((r) => ({
        title: r.title,
        framework: r.frameworkName,
        score: r.score,
        general: r.general,
        technical: r.technical,
      }));
      input.io.stdout(`${JSON.stringify({ id: item.id, results })}\n`);
      screened += 1;
    } catch (error) {
      if (!(error instanceof FitInputError)) throw error;
      failed += 1;
      reportBatchError(input, `id ${item.id}`, item.id, error.message);
    }
  }
  await context.auditRepository.record({
    actor: CLI_ACTOR,
    action: "match_batch",
    target: [filter.framework, filter.family].filter(Boolean).join("/") || "all profiles",
    outcome: failed > 0 ? "failed" : "ok",
    engine: "local",
    detail: { screened, failed },
  });
  input.io.stderr(`Screened ${screened} summaries${failed > 0 ? `; ${failed} line(s) failed` : ""}.\n`);
  return failed > 0 ? 1 : 0;
}

function parseBatchLine(line: string, lineNumber: number): BatchLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new Error(`line ${lineNumber} is not JSON`);
  }
  const record = value as Partial<BatchLine>;
  if (
    !value ||
    typeof value !== "object" ||
    typeof record.id !== "string" ||
    typeof record.text !== "string"
  ) {
    throw new Error(`line ${lineNumber} needs {"id": "...", "text": "..."} with string values`);
  }
  return { id: record.id, text: record.text };
}

function reportBatchError(input: CommandInput, where: string, id: string | null, message: string): void {
  input.io.stderr(`${where}: ${message}\n`);
  input.io.stdout(`${JSON.stringify({ id, error: message })}\n`);
}
