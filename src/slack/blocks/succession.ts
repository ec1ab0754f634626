import type { Person } from "../../domain/people.js";
import {
  type RatingFreshness,
  READINESS_LABELS,
  type Readiness,
  type RequirementStanding,
  type SuccessionOptions,
  type Successor,
} from "../../domain/succession.js";
import type { PersonSuccessorList, SuccessorList } from "../../services/list-successors.js";
import type { PersonGaps } from "../../services/person-gaps.js";
import type { Subject } from "../action-values.js";
import { plural, seeAllButton } from "./common.js";
import {
  actions,
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

/** Successors detailed in a message; "See all" opens up to MODAL_SUCCESSORS in a modal. */
export const MESSAGE_SUCCESSORS = 10;
export const MODAL_SUCCESSORS = 200;

const READINESS_ICONS: Record<Readiness, string> = {
  READY_NOW: "🟢",
  READY_1_2_YEARS: "🟡",
  NOT_READY: "⚪",
};

const MESSAGE_SECTION_CHARS = 1_500;

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "never");
const readiness = (value: Readiness) => `${READINESS_ICONS[value]} ${READINESS_LABELS[value]}`;

/** A person as HR reads them: their name, and their Slack mention when the store knows it. */
function who(person: Person): string {
  const name = `*${literal(person.name, 100)}*`;
  return person.slackUserId ? `${name} (<@${person.slackUserId}>)` : name;
}

function standing(gap: RequirementStanding): string {
  const flags = [gap.essential ? "essential" : "", gap.stale ? "stale rating" : ""].filter(Boolean);
  return `${literal(gap.competency, 80)} ${gap.level} of ${gap.required}${flags.length > 0 ? ` (${flags.join(", ")})` : ""}`;
}

function freshness(value: RatingFreshness): string {
  const rated = `${value.rated} of ${value.rated + value.unrated} rated`;
  if (!value.flagged) return value.rated > 0 ? `${rated}, all fresh` : rated;
  return `${rated} · ⚠️ ${value.stale} stale, oldest ${day(value.oldestRatedAt)}`;
}

function successorLines(successor: Successor, rank: number): string[] {
  const lines = [
    `${rank}. ${who(successor.person)} — *${successor.percent} %* · ${readiness(successor.readiness)}`,
  ];
  if (successor.largestGaps.length > 0)
    lines.push(`Largest gaps: ${successor.largestGaps.map(standing).join(" · ")}`);
  lines.push(`Ratings: ${freshness(successor.freshness)}`);
  return lines;
}

function rules(options: SuccessionOptions): KnownBlock {
  return context(
    `Match: the importance-weighted share of the role's required levels a person's ratings reach. Ready now at ≥ ${options.readyNowMatch} % with no essential gap; ready in 1–2 years at ≥ ${options.readySoonMatch} %. Ratings older than ${options.maxRatingAgeDays} days are stale.`,
    "⚖️ Decision support, not a decision: a starting point for a conversation about each person.",
  );
}

function headBlocks(list: SuccessorList | PersonSuccessorList): KnownBlock[] {
  const { profile, bench, counts } = list;
  const role = `${literal(profile.title, 300)} (${literal(profile.frameworkName, 64)})`;
  const incumbent = "incumbent" in list ? list.incumbent : undefined;
  return [
    header(incumbent ? `Who could succeed ${incumbent.name}` : `Successors: ${profile.title}`),
    context(incumbent ? `${who(incumbent)} holds the role ${role}` : role, `As of ${day(list.asOf)}`),
    ...fields([
      `*Bench strength*\n${bench.strength.toFixed(2)} for ${plural(bench.positions, "position")}`,
      `*On the bench*\n${plural(bench.members.length, "person", "people")} at ≥ ${bench.minimumMatch} % match`,
      `*Readiness*\n${READINESS_ICONS.READY_NOW} ${counts.READY_NOW} ready now · ${READINESS_ICONS.READY_1_2_YEARS} ${counts.READY_1_2_YEARS} in 1–2 years · ${READINESS_ICONS.NOT_READY} ${counts.NOT_READY} not ready`,
      `*Considered*\n${plural(list.considered, "person", "people")}, not counting who holds the role`,
    ]),
  ];
}

function nobody(): KnownBlock[] {
  return [
    section(
      "_No one is rated against this role yet. People and their ratings are loaded with `competency-bot import people <file>`._",
    ),
  ];
}

/**
 * Successors ranked for a role (or a person's role) with readiness, largest gaps and rating freshness,
 * and the role's bench strength: the first MESSAGE_SUCCESSORS, with "See all" when there are more.
 * Never shared: it ranks colleagues by name.
 */
export function successorsMessage(list: SuccessorList | PersonSuccessorList, more: Subject): Message {
  const body =
    list.successors.length === 0
      ? nobody()
      : list.successors.map((successor, index) => section(successorLines(successor, index + 1).join("\n")));
  const tail: KnownBlock[] = [rules(list.options)];
  if (list.considered > list.successors.length)
    tail.push(actions([seeAllButton(`See all ${list.considered}`, more)]));
  const best = list.successors[0];
  return composeMessage(
    `Successors for ${list.profile.title}: ${list.considered} considered${best ? `, best ${best.person.name} at ${best.percent} %` : ""}`,
    {
      head: headBlocks(list),
      body,
      tail,
      shortened: (omitted) => `_Shortened to fit Slack (${omitted} more): see all for the rest._`,
    },
  );
}

/** Up to MODAL_SUCCESSORS successors, one line each, and the bench members. */
export function successorsModal(list: SuccessorList | PersonSuccessorList): ModalView {
  const lines = list.successors.map((successor, index) => {
    const gaps = successor.largestGaps.map(standing).join(", ");
    const stale = successor.freshness.flagged ? ` · ⚠️ ${successor.freshness.stale} stale` : "";
    return `${index + 1}. ${who(successor.person)} — *${successor.percent} %* · ${readiness(successor.readiness)}${gaps ? ` · gaps: ${gaps}` : ""}${stale}`;
  });
  const bench = list.bench.members.map(
    (member) =>
      `• ${who(member.person)} — ${member.percent} %, matches ${plural(member.jobsMatched, "job")} (counts ${member.share.toFixed(2)})`,
  );
  const rest = list.considered - list.successors.length;
  return modal({
    title: "Successors",
    blocks: composeSurface({
      head: headBlocks(list),
      body: [
        ...(lines.length === 0 ? nobody() : packLines(lines).map((text) => section(text))),
        ...(bench.length > 0
          ? packLines([`*Bench for ${literal(list.profile.title, 200)}*`, ...bench]).map((text) =>
              section(text),
            )
          : []),
      ],
      tail: [
        ...(rest > 0
          ? [
              context(
                `${plural(rest, "more person", "more people")}: \`competency-bot successors\` lists everyone.`,
              ),
            ]
          : []),
        rules(list.options),
      ],
      shortened: (omitted) => `_${omitted} more parts do not fit here; the command line lists everyone._`,
    }),
  });
}

/** A person's strengths and gaps against a role, each gap with what its next level looks like. */
export function gapsMessage({ person, profile, report, asOf }: PersonGaps): Message {
  const strengths = report.strengths.map(
    (s) =>
      `✅ *${literal(s.competency, 100)}* — ${s.level} of ${s.required} required${s.stale ? " · stale rating" : ""}`,
  );
  const gaps = report.gaps.map((gap) => {
    const flags = [
      gap.essential ? "essential" : "",
      gap.stale ? "stale rating" : "",
      gap.rating ? "" : "not rated",
    ]
      .filter(Boolean)
      .join(" · ");
    const next = gap.suggestion
      ? `\n    _Next, at level ${gap.nextLevel}: ${literal(gap.suggestion, 400)}_`
      : `\n    _Next: level ${gap.nextLevel}._`;
    return `🔴 *${literal(gap.competency, 100)}* — ${gap.level} of ${gap.required} required${flags ? ` · ${flags}` : ""}${next}`;
  });
  const pack = (heading: string, lines: string[]) =>
    packLines([heading, ...(lines.length > 0 ? lines : ["_none_"])], { max: MESSAGE_SECTION_CHARS }).map(
      (text) => section(text),
    );
  return composeMessage(
    `${person.name} against ${profile.title}: ${report.percent} % match, ${READINESS_LABELS[report.readiness]}`,
    {
      head: [
        header(`${person.name}: gaps for ${profile.title}`),
        context(
          who(person),
          `${literal(profile.title, 300)} (${literal(profile.frameworkName, 64)})`,
          `As of ${day(asOf)}`,
        ),
        ...fields([
          `*Match*\n${report.percent} % · ${readiness(report.readiness)}`,
          `*Essential gaps*\n${report.essentialGaps.length}`,
          `*Ratings*\n${freshness(report.freshness)}`,
        ]),
      ],
      body: [
        ...pack(`*Strengths (${strengths.length})*`, strengths),
        ...pack(`*Gaps to develop (${gaps.length})*`, gaps),
      ],
      tail: [
        context(
          "Suggestions are the competency's indicators for the next level above the rating. ⚖️ Decision support, for a development conversation.",
        ),
      ],
      shortened: (omitted) => `_Shortened to fit Slack (${omitted} more parts)._`,
    },
  );
}
