import { invalidInput } from "../../domain/errors.js";
import { evaluateRanking, type LabelledSummary } from "../../domain/fit/evaluate.js";
import { readTextFile } from "../arguments.js";
import { type CliCommand, print } from "../command.js";

/** Reads `{"id","text","label"}` lines; every bad line is reported with its number, and nothing runs. */
export function parseLabelledLines(text: string): LabelledSummary[] {
  const items: LabelledSummary[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    const where = `line ${index + 1}`;
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push(`${where}: not JSON`);
      return;
    }
    const label = value?.label;
    const labelOk =
      typeof label === "string" || (Array.isArray(label) && label.every((l) => typeof l === "string"));
    if (typeof value?.id !== "string" || typeof value.text !== "string" || !labelOk) {
      problems.push(
        `${where}: needs "id" (string), "text" (string) and "label" (a title or a list of titles)`,
      );
      return;
    }
    items.push({ id: value.id, text: value.text, label: label as string | string[] });
  });
  if (problems.length > 0)
    throw invalidInput(`The labelled set has ${problems.length} bad line(s).`, problems);
  if (items.length === 0) throw invalidInput("The labelled set is empty.");
  return items;
}

const pct = (value: number | null) => (value === null ? "n/a" : `${(100 * value).toFixed(1)}%`);

export const evalCommand: CliCommand = {
  name: ["eval"],
  usage: "eval --framework NAME --input labelled.jsonl",
  summary: "Rank labelled summaries against a loaded framework: top-1/3/5 and macro-F1.",
  options: { framework: { type: "string" }, input: { type: "string" } },
  async run(input) {
    const framework = input.values.framework as string | undefined;
    const path = input.values.input as string | undefined;
    if (!framework || !path) throw invalidInput("Give both --framework NAME and --input labelled.jsonl.");
    const labelled = parseLabelledLines(await readTextFile(path));
    const library = await (await input.context()).library.get();
    const titles = new Set(
      library.profiles.filter((p) => p.frameworkName === framework).map((p) => p.title.toLowerCase()),
    );
    if (titles.size === 0)
      throw invalidInput(`No framework named "${framework}" is loaded (see competency-bot frameworks).`);
    const unknown = labelled.flatMap((item) =>
      (Array.isArray(item.label) ? item.label : [item.label])
        .filter((l) => !titles.has(l.trim().toLowerCase()))
        .map((l) => `${item.id}: "${l}"`),
    );
    const report = evaluateRanking(library.fitEngine, labelled, { framework });
    const { evidenceByCompetency: _perCompetency, ...summary } = report;
    print(input, { framework, ...summary, labelsNotInFramework: unknown }, () =>
      [
        `${report.count} summaries against ${framework} (${titles.size} profiles)`,
        `top-1 ${pct(report.top1)} · top-3 ${pct(report.top3)} · top-5 ${pct(report.top5)} · macro-F1 ${pct(report.macroF1)}`,
        unknown.length > 0
          ? `Labels that are no profile of ${framework} (always counted as misses): ${unknown.slice(0, 10).join(", ")}`
          : "",
      ]
        .filter(Boolean)
        .join("\n"),
    );
    return 0;
  },
};
