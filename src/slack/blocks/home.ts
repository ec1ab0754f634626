import type { FrameworkSummary } from "../../domain/library.js";
import type { AssessmentRecord } from "../../services/assessment-ports.js";
import { ACTIONS, encode } from "../action-values.js";
import type { SlackAction } from "../authorize.js";
import { plural } from "./common.js";
import { USAGE } from "./help.js";
import {
  actions,
  button,
  composeSurface,
  context,
  divider,
  type HomeView,
  header,
  type KnownBlock,
  literal,
  SLACK_LIMITS,
  section,
} from "./limits.js";

export type HomeOptions = {
  /** The user's recent assessments; null when they may not see assessments, so the section is left out. */
  recent: AssessmentRecord[] | null;
  frameworks: FrameworkSummary[];
  /** What this user may do: the buttons and commands shown are only those. */
  allowed: ReadonlySet<SlackAction>;
  /** Some access could not be checked with Slack just now, so less is shown than may be allowed. */
  unchecked?: boolean;
};

const day = (date: Date) => date.toISOString().slice(0, 10);

function recentBlocks(recent: AssessmentRecord[]): KnownBlock[] {
  if (recent.length === 0) {
    return [section("_No assessments yet. Try `/profile fit <title>: <summary>` or the button above._")];
  }
  return recent.map((record) =>
    section(
      `*${literal(record.profileTitle, 300)}* (${literal(record.frameworkName, 64)}) — *${record.overall} / 100*, ${literal(record.band, 20)} fit · ${day(record.createdAt)}`,
      button("Open", ACTIONS.seeAll, encode({ k: "fit", aid: record.id })),
    ),
  );
}

function frameworkBlocks(frameworks: FrameworkSummary[]): KnownBlock[] {
  if (frameworks.length === 0) return [section("_No frameworks are loaded._")];
  return frameworks.map((framework) => {
    const lines = [
      `*${literal(framework.name, 64)}*: ${plural(framework.profileCount, "profile")}, ${plural(framework.competencyCount, "competency", "competencies")} · updated ${day(framework.updatedAt)}`,
    ];
    if (framework.description) lines.push(literal(framework.description, 300));
    if (framework.source) lines.push(`_Source: ${literal(framework.source, 400)}_`);
    return section(lines.join("\n"));
  });
}

/**
 * The App Home tab, drawn for one user: what they may do, their recent assessments (recruiters only),
 * the frameworks loaded. Commands they may not use, succession ones included, are not mentioned.
 */
export function homeView(options: HomeOptions): HomeView {
  const { allowed } = options;
  const usage = USAGE.filter((entry) => entry.action === undefined || allowed.has(entry.action))
    .map((entry) => `• \`${entry.usage}\` — ${entry.summary}`)
    .join("\n");
  const buttons = [
    ...(allowed.has("assess_fit")
      ? [button("Assess a candidate", ACTIONS.openFitModal, "home", { style: "primary" })]
      : []),
    ...(allowed.has("match_candidate") ? [button("Match a candidate", ACTIONS.openMatchModal, "home")] : []),
  ];
  const head: KnownBlock[] = [
    header("Competency bot"),
    section("Job profiles, candidate fit and comparisons from your competency frameworks."),
  ];
  if (options.unchecked)
    head.push(
      context(
        "_Some of what you may use could not be checked with Slack just now; open this tab again in a minute._",
      ),
    );
  if (buttons.length > 0) head.push(actions(buttons));
  if (options.recent) head.push(divider(), header("Your recent assessments"));
  const blocks = composeSurface(
    {
      head,
      body: [
        ...(options.recent ? recentBlocks(options.recent) : []),
        divider(),
        header("How to use it"),
        section(usage),
        ...(allowed.has("assess_fit")
          ? [
              context(
                "Mention the bot with a summary in any channel it is in, or use *Assess candidate fit* from a message's ⋯ menu.",
              ),
            ]
          : []),
        divider(),
        header("Frameworks loaded"),
        ...frameworkBlocks(options.frameworks),
      ],
      tail: [],
    },
    SLACK_LIMITS.homeBlocks,
  );
  return { type: "home", blocks };
}
