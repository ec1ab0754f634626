import type { CompetencyFit, CompetencyStatus, FitBand, FitResult } from "../../domain/fit/index.js";
import { ACTIONS, encode } from "../action-values.js";
import { seeAllButton, shareButton, shareWithEvidenceButton } from "./common.js";
import {
  actions,
  type ButtonElement,
  button,
  composeMessage,
  composeSurface,
  context,
  fields,
  header,
  type KnownBlock,
  literal,
  type Message,
  type ModalView,
  modal,
  packLines,
  section,
} from "./limits.js";

/**
 * Who sees the answer decides what it holds:
 * - `requester`: everything, quotes from the candidate's text included, with share buttons;
 * - `channel`: scores and competency statuses only, unless the sharer chose to include the evidence;
 * - `thread`: as `channel`, with a button for the person who asked to see the evidence privately.
 */
export type FitAudience = "requester" | "channel" | "thread";

export type FitMessageOptions = {
  assessmentId: string;
  fit: FitResult;
  audience: FitAudience;
  /** For `channel`: the sharer chose to include quotes from the candidate's text. */
  includeEvidence?: boolean;
  sharedBy?: string;
  /** For `requester`: offer to keep the assessment as ratings of a person (recruiters only). */
  keepAsRatings?: boolean;
};

export const DECISION_SUPPORT_NOTICE =
  "⚖️ Decision support, not a decision: these scores and quotes come from the summary alone, for a person to weigh with everything else they know.";

const STATUS: Record<CompetencyStatus, { icon: string; label: string }> = {
  meets: { icon: "✅", label: "meets" },
  partial: { icon: "🟡", label: "partly shown" },
  gap: { icon: "🔴", label: "below the level" },
  no_evidence: { icon: "⚪", label: "no evidence" },
};

export const KEEP_AS_RATINGS = "Keep as ratings of a person…";

const BAND: Record<FitBand, string> = { strong: "strong fit", partial: "partial fit", weak: "weak fit" };

const MESSAGE_SECTION_CHARS = 1_500;
const QUOTES_PER_COMPETENCY = 2;
const QUOTE_CHARS = 240;

export const score = (value: number | null) => (value === null ? "—" : `${value} / 100`);
const name = (c: CompetencyFit) => `*${literal(c.name, 150)}*`;
const shown = (c: CompetencyFit) =>
  c.demonstratedLevel > 0
    ? `level ${c.demonstratedLevel} shown, ${c.requiredLevel} required`
    : `${c.requiredLevel} required, none shown`;

function scoreFields(fit: FitResult): KnownBlock[] {
  return fields([
    `*Overall*\n${score(fit.overall)} · ${BAND[fit.band] ?? fit.band}`,
    `*Profile*\n${literal(fit.title, 300)} (${literal(fit.frameworkName, 64)})`,
    `*General competencies*\n${score(fit.general)}`,
    `*Technical competencies*\n${score(fit.technical)}`,
  ]);
}

function essentialWarning(fit: FitResult): KnownBlock[] {
  if (fit.essentialWithoutEvidence.length === 0) return [];
  const names = fit.essentialWithoutEvidence.map((n) => literal(n, 150)).join(", ");
  return [section(`⚠️ *Essential, with no evidence in the summary:* ${names}`)];
}

/** Competency statuses grouped: what a channel may see of an assessment. */
function statusBlocks(fit: FitResult): KnownBlock[] {
  const lines: string[] = ["*Competencies*"];
  for (const status of ["meets", "partial", "gap", "no_evidence"] as const) {
    const of = fit.competencies.filter((c) => c.status === status);
    if (of.length === 0) continue;
    lines.push(
      `${STATUS[status].icon} *${STATUS[status].label}* (${of.length}): ${of.map((c) => literal(c.name, 100)).join(", ")}`,
    );
  }
  return packLines(lines, { max: MESSAGE_SECTION_CHARS }).map((text) => section(text));
}

function strengthBlocks(fit: FitResult): KnownBlock[] {
  if (fit.strengths.length === 0) return [];
  const lines = ["*Strengths*", ...fit.strengths.map((c) => `• ${name(c)} — ${shown(c)}`)];
  return packLines(lines, { max: MESSAGE_SECTION_CHARS }).map((text) => section(text));
}

function gapBlocks(fit: FitResult): KnownBlock[] {
  if (fit.gaps.length === 0) return [];
  const lines = [
    "*Gaps, and questions to ask*",
    ...fit.gaps.map(
      ({ competency, question }) =>
        `• ${name(competency)} — ${shown(competency)}\n    _${literal(question, 700)}_`,
    ),
  ];
  return packLines(lines, { max: MESSAGE_SECTION_CHARS }).map((text) => section(text));
}

function quotes(c: CompetencyFit): string[] {
  return c.evidence
    .filter((span) => typeof span.text === "string" && span.text.trim() !== "")
    .slice(0, QUOTES_PER_COMPETENCY)
    .map((span) => `“${literal(span.text, QUOTE_CHARS)}”`);
}

/** Each quote once, with the competencies it is evidence of: one sentence often shows several. */
function evidenceBlocks(fit: FitResult): KnownBlock[] {
  const byQuote = new Map<string, string[]>();
  for (const c of fit.competencies) {
    for (const quoted of quotes(c))
      byQuote.set(quoted, [...(byQuote.get(quoted) ?? []), literal(c.name, 100)]);
  }
  if (byQuote.size === 0) return [];
  const lines = [...byQuote].map(([quoted, names]) => `• ${quoted} — _${names.join(", ")}_`);
  return packLines(["*Evidence quoted from the summary*", ...lines], { max: MESSAGE_SECTION_CHARS }).map(
    (text) => section(text),
  );
}

function hasQuotes(fit: FitResult): boolean {
  return fit.competencies.some((c) => quotes(c).length > 0);
}

function footer(fit: FitResult, assessmentId: string): KnownBlock {
  return context(
    DECISION_SUPPORT_NOTICE,
    `Engine: ${literal(fit.engine, 40)} · assessment ${literal(assessmentId, 64)}`,
    ...(fit.notices ?? []).slice(0, 8).map((notice) => `ℹ️ ${literal(notice, 500)}`),
  );
}

export function fitMessage(options: FitMessageOptions): Message {
  const { fit, assessmentId, audience } = options;
  const text = `Candidate fit for ${fit.title}: ${fit.overall}/100 (${BAND[fit.band] ?? fit.band})`;
  const head = [header(`Candidate fit: ${fit.title}`), ...scoreFields(fit), ...essentialWarning(fit)];
  const seeAll = seeAllButton("See every competency", { k: "fit", aid: assessmentId });

  if (audience === "requester") {
    const buttons: ButtonElement[] = [seeAll, shareButton({ k: "fit", aid: assessmentId })];
    if (hasQuotes(fit)) buttons.push(shareWithEvidenceButton(assessmentId));
    if (options.keepAsRatings)
      buttons.push(button(KEEP_AS_RATINGS, ACTIONS.keepAsRatings, encode({ k: "fit", aid: assessmentId })));
    return composeMessage(text, {
      head,
      body: [...strengthBlocks(fit), ...gapBlocks(fit), ...evidenceBlocks(fit)],
      tail: [footer(fit, assessmentId), actions(buttons)],
      shortened: (omitted) =>
        `_Shortened to fit Slack (${omitted} more ${omitted === 1 ? "part" : "parts"}): see every competency for the rest._`,
    });
  }

  const withEvidence = audience === "channel" && options.includeEvidence === true;
  const tail: KnownBlock[] = [footer(fit, assessmentId)];
  if (options.sharedBy)
    tail.push(context(`Shared by <@${options.sharedBy}>${withEvidence ? ", with the evidence" : ""}`));
  if (audience === "thread") {
    tail.push(
      actions([
        button("Show me the evidence", ACTIONS.showEvidence, encode({ k: "fit", aid: assessmentId })),
      ]),
    );
  }
  return composeMessage(text, {
    head,
    body: [...statusBlocks(fit), ...(withEvidence ? evidenceBlocks(fit) : [])],
    tail,
  });
}

function competencyEntry(c: CompetencyFit): string {
  const flags = [c.kind === "GENERAL" ? "general" : "technical", c.essential ? "essential" : ""]
    .filter(Boolean)
    .join(", ");
  const quoted = quotes(c);
  const lines = [
    `${STATUS[c.status]?.icon ?? "•"} ${name(c)} (${flags}) — ${STATUS[c.status]?.label ?? c.status}; ${shown(c)}`,
  ];
  if (quoted.length > 0) lines.push(`    ${quoted.join(" · ")}`);
  return lines.join("\n");
}

/** Every competency of an assessment, with its status and quotes: for the person who ran it. */
export function fitCompetenciesModal(options: { assessmentId: string; fit: FitResult }): ModalView {
  const { fit } = options;
  return modal({
    title: "Every competency",
    blocks: composeSurface({
      head: [
        header(`${fit.title}: ${fit.overall} / 100`),
        context(
          `${literal(fit.frameworkName, 64)} · ${BAND[fit.band] ?? fit.band} · ${fit.competencies.length} competencies`,
        ),
      ],
      body: packLines(fit.competencies.map(competencyEntry)).map((text) => section(text)),
      tail: [context(DECISION_SUPPORT_NOTICE)],
      shortened: (omitted) => `_${omitted} more parts do not fit here._`,
    }),
  });
}
