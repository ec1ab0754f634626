import { closestName } from "../domain/closest-name.js";
import { parseCompareQuery } from "../domain/compare-query.js";
import { unescapeSlack } from "./parse-mention.js";

/**
 * What `/profile <text>` asks for. Parsing is pure and total: any text is a request or help, never an
 * exception, because the text is whatever a user typed.
 */
export const SUBCOMMANDS = [
  "help",
  "show",
  "search",
  "compare",
  "fit",
  "match",
  "successors",
  "gaps",
] as const;
export type Subcommand = (typeof SUBCOMMANDS)[number];

export type ProfileCommand =
  | { kind: "help"; topic?: Subcommand; problem?: string; didYouMean?: Subcommand }
  /** `didYouMean`: the first word looks like a mistyped subcommand; the title is tried first. */
  | { kind: "show"; title: string; didYouMean?: Subcommand }
  | { kind: "search"; query: string }
  | { kind: "compare"; titleA: string; titleB: string }
  /** Without a summary, the summary is asked for in a modal. */
  | { kind: "fit"; title: string; summary: string | null }
  | { kind: "match"; summary: string | null }
  | { kind: "successors"; target: SuccessionTarget }
  /** Without a title, against the person's current role. */
  | { kind: "gaps"; userId: string; title: string | null };

/** Successors for a role named by title, or for the current role of a person named by Slack user id. */
export type SuccessionTarget = { title: string } | { userId: string };

/** Singular forms people type for the plural subcommands. */
const ALIASES: ReadonlyMap<string, Subcommand> = new Map([
  ["successor", "successors"],
  ["gap", "gaps"],
]);

/** Summaries shorter than this say too little to assess; they are asked for again. */
export const MIN_SUMMARY_CHARS = 20;

export function parseProfileCommand(input: string): ProfileCommand {
  const text = unescapeSlack(input.replace(/\r\n?/g, "\n")).trim();
  if (text === "") return { kind: "help" };
  const match = /^(\S+)\s*([\s\S]*)$/.exec(text);
  const word = (match?.[1] ?? "").toLowerCase().replace(/:$/, "");
  const rest = (match?.[2] ?? "").trim();
  const subcommand = SUBCOMMANDS.find((name) => name === word) ?? ALIASES.get(word);
  if (subcommand) return parseSubcommand(subcommand, rest);

  const meant = closestSubcommand(word);
  if (meant === "compare" && /\s(vs\.?|versus)\s|\|/i.test(text)) return { kind: "help", didYouMean: meant };
  if (meant === "fit" && /[:\n]/.test(rest)) return { kind: "help", didYouMean: meant };
  if ((meant === "successors" || meant === "gaps") && leadingPerson(rest))
    return { kind: "help", didYouMean: meant };
  return meant
    ? { kind: "show", title: oneLine(text), didYouMean: meant }
    : { kind: "show", title: oneLine(text) };
}

function parseSubcommand(subcommand: Subcommand, rest: string): ProfileCommand {
  switch (subcommand) {
    case "help": {
      const topic = SUBCOMMANDS.find((name) => name === rest.toLowerCase());
      return topic ? { kind: "help", topic } : { kind: "help" };
    }
    case "show":
      return rest ? { kind: "show", title: oneLine(rest) } : needs("show", "Give the job title to show.");
    case "search":
      return rest
        ? { kind: "search", query: oneLine(rest) }
        : needs("search", "Give words to search titles for.");
    case "compare": {
      if (!rest) return needs("compare", "Give two job titles separated by `vs`.");
      try {
        const [titleA, titleB] = parseCompareQuery(oneLine(rest));
        return { kind: "compare", titleA, titleB };
      } catch (error) {
        return needs("compare", error instanceof Error ? error.message : String(error));
      }
    }
    case "fit":
      return parseFit(rest);
    case "match":
      return { kind: "match", summary: rest || null };
    case "successors":
      return parseSuccessors(rest);
    case "gaps":
      return parseGaps(rest);
  }
}

/**
 * A person mentioned at the start: `<@U123|maya>` or `<@U123>` as Slack sends a mention, or `@U123` as
 * typed in the console. Slack sends a bare `@maya` when the command does not escape users.
 */
const LEADING_PERSON = /^(?:<@([UW][A-Z0-9]{2,30})(?:\|[^>]*)?>|@([UW][A-Z0-9]{2,30})(?![\w.-]))\s*/;
const NOT_A_MENTION =
  "Mention the person with @ and choose them from Slack's list, so their user id comes with the command.";

function leadingPerson(rest: string): { userId: string; rest: string } | undefined {
  const found = LEADING_PERSON.exec(rest);
  if (!found) return undefined;
  return { userId: (found[1] ?? found[2]) as string, rest: rest.slice(found[0].length).trim() };
}

/** `successors <title>` or `successors @person`. */
function parseSuccessors(rest: string): ProfileCommand {
  if (!rest) return needs("successors", "Give a job title, or @mention a person.");
  const person = leadingPerson(rest);
  if (person) {
    return person.rest
      ? needs("successors", "Give either a job title or one @person, not both.")
      : { kind: "successors", target: { userId: person.userId } };
  }
  if (rest.startsWith("@")) return needs("successors", NOT_A_MENTION);
  const title = oneLine(rest);
  return title ? { kind: "successors", target: { title } } : needs("successors", "Give a job title.");
}

/** `gaps @person [title]`. */
function parseGaps(rest: string): ProfileCommand {
  const person = leadingPerson(rest);
  if (!person) {
    return needs(
      "gaps",
      rest.startsWith("@") ? NOT_A_MENTION : "@mention the person first, then the job title.",
    );
  }
  return { kind: "gaps", userId: person.userId, title: oneLine(person.rest) || null };
}

/**
 * `fit <title>: <summary>` or the summary on the lines after the title; a quoted title may be followed
 * by the summary directly. Without a summary the caller opens a modal to paste it.
 */
function parseFit(rest: string): ProfileCommand {
  if (!rest) return needs("fit", "Give the job title to assess the candidate against.");
  const quoted = /^["“”']([^"“”'\n]+)["“”']\s*:?\s*([\s\S]*)$/.exec(rest);
  if (quoted) return fitRequest(quoted[1] ?? "", quoted[2] ?? "");
  const separator = rest.search(/[:\n]/);
  if (separator < 0) return fitRequest(rest, "");
  return fitRequest(rest.slice(0, separator), rest.slice(separator + 1));
}

function fitRequest(title: string, summary: string): ProfileCommand {
  const cleanTitle = oneLine(title);
  if (!cleanTitle) return needs("fit", "Give the job title before the `:`, then the candidate's summary.");
  const cleanSummary = summary.trim();
  return { kind: "fit", title: cleanTitle, summary: cleanSummary || null };
}

function needs(topic: Subcommand, problem: string): ProfileCommand {
  return { kind: "help", topic, problem };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The subcommand a mistyped first word most likely meant, if it is within a typo of one. */
export function closestSubcommand(word: string): Subcommand | undefined {
  const meant = closestName(word, SUBCOMMANDS);
  return SUBCOMMANDS.find((name) => name === meant && name !== word);
}
