import type { TitleMatch } from "../../domain/title-index.js";
import { ACTIONS, encode } from "../action-values.js";
import { shareButton } from "./common.js";
import {
  actions,
  button,
  composeMessage,
  context,
  type KnownBlock,
  literal,
  type Message,
  section,
} from "./limits.js";

/** Search results; each profile can be opened (to the requester) with its Show button. */
export function searchMessage(
  query: string,
  matches: TitleMatch[],
  options: { shared?: KnownBlock } = {},
): Message {
  const heading =
    matches.length === 0
      ? `No profile title fits “${literal(query, 200)}”.`
      : `Profiles for “${literal(query, 200)}”:`;
  const body = matches.map((match) => {
    const via = match.matchedTitle !== match.title ? ` (as “${literal(match.matchedTitle, 150)}”)` : "";
    const text = `*${literal(match.title, 300)}*${via} · ${literal(match.frameworkName, 64)}`;
    return options.shared
      ? section(text)
      : section(text, button("Show", ACTIONS.chooseProfile, encode({ id: match.profileId, op: "show" })));
  });
  const tail: KnownBlock[] = options.shared
    ? [options.shared]
    : matches.length > 0
      ? [actions([shareButton({ k: "search", q: query.slice(0, 200) })])]
      : [context("Try fewer or other words, or an abbreviation such as `PR` or `HR`.")];
  return composeMessage(heading, { head: [section(heading)], body, tail });
}
