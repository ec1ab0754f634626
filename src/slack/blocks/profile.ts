import type { JobProfile, RequiredCompetency } from "../../domain/library.js";
import { levelDots, seeAllButton, shareButton } from "./common.js";
import {
  actions,
  composeMessage,
  composeSurface,
  context,
  header,
  type KnownBlock,
  literal,
  type Message,
  type ModalView,
  modal,
  packLines,
  section,
} from "./limits.js";

const KINDS = [
  ["GENERAL", "General competencies"],
  ["TECHNICAL", "Technical competencies"],
] as const;

/** Section texts are packed smaller than Slack allows, so a long profile is cut at a finer grain. */
const MESSAGE_SECTION_CHARS = 1_500;

function requirementLine(c: RequiredCompetency): string {
  const flags = [`level ${c.level}`, `importance ${c.importance}`, c.essential ? "*essential*" : ""].filter(
    Boolean,
  );
  const examples = c.examples.length > 0 ? ` — e.g. ${literal(c.examples.slice(0, 3).join(", "), 120)}` : "";
  return `${levelDots(c.level)} *${literal(c.name, 150)}* · ${flags.join(" · ")}${examples}`;
}

function competencyBlocks(profile: JobProfile, sectionChars?: number): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  for (const [kind, heading] of KINDS) {
    const competencies = profile.competencies.filter((c) => c.kind === kind);
    const lines = [
      `*${heading} (${competencies.length})*`,
      ...(competencies.length > 0 ? competencies.map(requirementLine) : ["_none_"]),
    ];
    for (const text of packLines(lines, { max: sectionChars })) blocks.push(section(text));
  }
  return blocks;
}

function headBlocks(profile: JobProfile): KnownBlock[] {
  const meta = [profile.frameworkName, profile.code, profile.family]
    .filter(Boolean)
    .map((part) => literal(String(part), 100));
  const blocks: KnownBlock[] = [header(profile.title)];
  if (profile.description) blocks.push(section(literal(profile.description, 700)));
  const also =
    profile.alternateTitles.length > 0
      ? `Also known as: ${literal(profile.alternateTitles.slice(0, 8).join(", "), 400)}${profile.alternateTitles.length > 8 ? ` (+${profile.alternateTitles.length - 8} more)` : ""}`
      : "";
  blocks.push(context(...[meta.join(" · "), also].filter(Boolean)));
  return blocks;
}

function sourceBlock(source: string): KnownBlock[] {
  return source ? [context(`Source: ${literal(source, 500)}`)] : [];
}

/** A profile as an answer: to the requester with a share button, or as shared in the channel. */
export function profileMessage(
  profile: JobProfile,
  source: string,
  options: { shared?: KnownBlock } = {},
): Message {
  const subject = { k: "profile", id: profile.id } as const;
  return composeMessage(`${profile.title} (${profile.frameworkName})`, {
    head: headBlocks(profile),
    body: competencyBlocks(profile, MESSAGE_SECTION_CHARS),
    tail: [
      ...sourceBlock(source),
      ...(options.shared ? [options.shared] : [actions([shareButton(subject)])]),
    ],
    shortened: (omitted) =>
      `_Shortened to fit Slack (${omitted} more ${omitted === 1 ? "part" : "parts"}): see all competencies for the rest._`,
    more: seeAllButton("See all competencies", subject),
  });
}

/** Every competency of a profile, in a modal (100 blocks of up to 3,000 characters). */
export function profileModal(profile: JobProfile, source: string): ModalView {
  return modal({
    title: "Job profile",
    blocks: composeSurface({
      head: headBlocks(profile),
      body: competencyBlocks(profile),
      tail: sourceBlock(source),
      shortened: (omitted) =>
        `_${omitted} more parts do not fit here; the command line shows the whole profile._`,
    }),
  });
}
