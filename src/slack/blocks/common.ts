import { ACTIONS, encode, type Subject } from "../action-values.js";
import {
  type ButtonElement,
  button,
  composeMessage,
  context,
  type KnownBlock,
  literal,
  type Message,
  section,
} from "./limits.js";

export function levelDots(level: number): string {
  const filled = Math.max(0, Math.min(5, Math.round(level)));
  return "●".repeat(filled) + "○".repeat(5 - filled);
}

export function shareButton(subject: Subject): ButtonElement {
  return button("Share in channel", ACTIONS.share, encode(subject));
}

/** Shares an assessment with its quotes from the candidate's text, after saying so. */
export function shareWithEvidenceButton(assessmentId: string): ButtonElement {
  return button("Share with evidence", ACTIONS.share, encode({ k: "fit", aid: assessmentId, ev: 1 }), {
    confirm: {
      title: "Share the evidence?",
      text: "Everyone in the channel will see the quoted passages of the candidate's text, not only the scores.",
      confirm: "Share with evidence",
      deny: "Cancel",
    },
  });
}

export function seeAllButton(label: string, subject: Subject): ButtonElement {
  return button(label, ACTIONS.seeAll, encode(subject));
}

/** Who shared an answer into the channel, under it. */
export function sharedBy(userId: string): KnownBlock {
  return context(`Shared by <@${userId}>`);
}

/** A one-paragraph answer: an error, a refusal, a "working on it". */
export function notice(text: string, emoji = ""): Message {
  return composeMessage(text, { head: [section(emoji ? `${emoji} ${text}` : text)], body: [], tail: [] });
}

export function quote(text: string, max: number): string {
  return `“${literal(text, max)}”`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
