import type { TitleMatch } from "../../domain/title-index.js";
import { ACTIONS, type Continuation, encode } from "../action-values.js";
import { button, composeMessage, context, literal, type Message, section } from "./limits.js";

export type PickerOptions = {
  /** What was asked and why it needs a choice. */
  intro: string;
  candidates: TitleMatch[];
  /** The request that goes on with the chosen profile. */
  continuation: Continuation;
  hint?: string;
};

/** One line per candidate profile, each with a Choose button that continues the same request. */
export function pickerMessage(options: PickerOptions): Message {
  const body = options.candidates.map((candidate) => {
    const via =
      candidate.matchedTitle && candidate.matchedTitle !== candidate.title
        ? ` (as “${literal(candidate.matchedTitle, 150)}”)`
        : "";
    const meta = [candidate.frameworkName, candidate.family]
      .filter(Boolean)
      .map((part) => literal(part, 80))
      .join(" · ");
    return section(
      `*${literal(candidate.title, 300)}*${via}\n${meta}`,
      button("Choose", ACTIONS.chooseProfile, encode({ id: candidate.profileId, ...options.continuation })),
    );
  });
  const head = [section([options.hint, options.intro].filter(Boolean).join("\n"))];
  return composeMessage(options.intro, {
    head,
    body,
    tail: body.length === 0 ? [context("Try `/profile search <words>` to browse titles.")] : [],
  });
}

/** Why a title needs a choice, in words. */
export function unresolvedIntro(
  query: string,
  kind: "ambiguous" | "not_found",
  candidates: number,
  what = "",
): string {
  const asked = `“${literal(query, 200)}”`;
  const purpose = what ? ` ${what}` : "";
  if (kind === "ambiguous")
    return `${asked} fits several profiles about equally. Which one did you mean${purpose}?`;
  if (candidates === 0) return `No profile matches ${asked}.`;
  return `No profile matches ${asked} exactly. Did you mean one of these${purpose}?`;
}
