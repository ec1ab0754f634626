/**
 * What a mention asks: `@competency-bot how does this candidate fit Media Relations Specialist? <summary>`.
 * The question is the text up to the first `?`, `:` or line break, the summary everything after it. A
 * title is named in the question after "fit", "suit" or "for"; without one the bot lists the profiles the
 * summary fits best. Pure and total: any text is a request.
 */
export type MentionRequest = { title: string | null; summary: string };

const TITLE_AFTER = /\b(?:fits?|fitting|suits?|suited|match(?:es)?|for)\b\s+(.+)$/i;
const LEADING_FILLER = /^(?:(?:for|as|to|with|against|the|a|an|our|this|role|position|job|of)\s+)+/i;
/** Words that follow "fit" or "for" without naming a job. */
const NOT_A_TITLE =
  /^(?:this |the |a )?(?:person|candidate|applicant|them|him|her|me|us|you|it|best|well|here|now|role|roles|job|jobs)$/i;
const TRAILING_FILLER = /\s+(?:role|position|job|opening|profile|vacancy)$/i;

export function parseMention(raw: string): MentionRequest {
  const text = unescapeSlack(raw.replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, " "))
    .replace(/\r\n?/g, "\n")
    .trim();
  const end = text.search(/[?:\n]/);
  if (end < 0) return { title: null, summary: text };
  const question = text.slice(0, end).trim();
  const rest = text.slice(end + 1).trim();
  const named = TITLE_AFTER.exec(question)?.[1] ?? "";
  const title = named
    .replace(LEADING_FILLER, "")
    .replace(TRAILING_FILLER, "")
    .replace(/[.!,;]+$/, "")
    .trim();
  const isTitle = title.length >= 2 && !NOT_A_TITLE.test(title);
  return { title: isTitle ? title : null, summary: rest || text };
}

/** Slack sends `&`, `<` and `>` escaped, and links as `<url|label>`. */
export function unescapeSlack(text: string): string {
  return text
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, "$2")
    .replace(/<(https?:[^>]+)>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
