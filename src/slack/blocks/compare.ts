import type { ProfileComparison } from "../../domain/compare.js";
import { seeAllButton, shareButton } from "./common.js";
import {
  actions,
  clip,
  composeMessage,
  composeSurface,
  context,
  escapeMrkdwn,
  header,
  type KnownBlock,
  literal,
  type Message,
  type ModalView,
  modal,
  packLines,
  section,
} from "./limits.js";

type KindComparison = ProfileComparison["general"];

const NAME_WIDTH = 34;
const MESSAGE_SECTION_CHARS = 1_500;

/**
 * One row per competency: A's and B's required levels side by side (– where the profile does not ask
 * for it, * where it is essential) and which side asks for more, and by how much.
 */
function rows(kind: KindComparison): string[] {
  const name = (text: string) => escapeMrkdwn(clip(text.replace(/\s+/g, " "), NAME_WIDTH).padEnd(NAME_WIDTH));
  const level = (value: number | null, essential: boolean) =>
    (value === null ? "–" : `${value}${essential ? "*" : ""}`).padEnd(4);
  const lines = [`${"Competency".padEnd(NAME_WIDTH)} A   B   Difference`];
  for (const c of kind.shared) {
    const gap = c.levelA - c.levelB;
    const marker = gap === 0 ? "" : gap > 0 ? `A +${gap}` : `B +${-gap}`;
    lines.push(`${name(c.name)} ${level(c.levelA, c.essentialA)}${level(c.levelB, c.essentialB)}${marker}`);
  }
  for (const c of kind.onlyA)
    lines.push(`${name(c.name)} ${level(c.level, c.essential)}${level(null, false)}only A`);
  for (const c of kind.onlyB)
    lines.push(`${name(c.name)} ${level(null, false)}${level(c.level, c.essential)}only B`);
  return lines;
}

function kindBlocks(heading: string, kind: KindComparison, sectionChars?: number): KnownBlock[] {
  const counts = `${kind.shared.length} shared, ${kind.onlyA.length} only in A, ${kind.onlyB.length} only in B`;
  if (kind.shared.length + kind.onlyA.length + kind.onlyB.length === 0)
    return [section(`*${heading}*: none in either profile`)];
  const [first, ...more] = packLines(rows(kind), { code: true, max: sectionChars });
  return [section(`*${heading}* — ${counts}\n${first ?? ""}`), ...more.map((text) => section(text))];
}

function headBlocks(comparison: ProfileComparison): KnownBlock[] {
  const { a, b } = comparison;
  return [
    header(`${a.title} vs ${b.title}`),
    section(literal(comparison.summary, 1_000)),
    context(
      `*A*: ${literal(a.title, 500)} (${literal(a.frameworkName, 64)})`,
      `*B*: ${literal(b.title, 500)} (${literal(b.frameworkName, 64)})`,
      "Required levels 1–5 · * essential · “A +2”: A asks for two levels more",
    ),
  ];
}

function bodyBlocks(comparison: ProfileComparison, sectionChars?: number): KnownBlock[] {
  return [
    ...kindBlocks("General competencies", comparison.general, sectionChars),
    ...kindBlocks("Technical competencies", comparison.technical, sectionChars),
  ];
}

export function comparisonMessage(
  comparison: ProfileComparison,
  options: { shared?: KnownBlock } = {},
): Message {
  const subject = { k: "compare", a: comparison.a.id, b: comparison.b.id } as const;
  return composeMessage(`${comparison.a.title} vs ${comparison.b.title}: ${comparison.summary}`, {
    head: headBlocks(comparison),
    body: bodyBlocks(comparison, MESSAGE_SECTION_CHARS),
    tail: options.shared ? [options.shared] : [actions([shareButton(subject)])],
    shortened: (omitted) =>
      `_Shortened to fit Slack (${omitted} more ${omitted === 1 ? "part" : "parts"}): see the full comparison._`,
    more: seeAllButton("See the full comparison", subject),
  });
}

export function comparisonModal(comparison: ProfileComparison): ModalView {
  return modal({
    title: "Comparison",
    blocks: composeSurface({
      head: headBlocks(comparison),
      body: bodyBlocks(comparison),
      tail: [],
      shortened: (omitted) =>
        `_${omitted} more parts do not fit here; the command line shows the whole comparison._`,
    }),
  });
}
