import type { SlackAction } from "../authorize.js";
import type { Subcommand } from "../parse-profile-command.js";
import { composeMessage, context, escapeMrkdwn, header, type Message, section } from "./limits.js";

/** `action`: what the command needs access to, when not everyone may use it. */
type Usage = { subcommand: Subcommand; usage: string; summary: string; action?: SlackAction };

export const USAGE: Usage[] = [
  {
    subcommand: "show",
    usage: "/profile <title>",
    summary: "a job profile: its general and technical competencies (also `show <title>`)",
  },
  {
    subcommand: "search",
    usage: "/profile search <words>",
    summary: "profiles whose title or alternate titles fit the words",
  },
  {
    subcommand: "compare",
    usage: "/profile compare <title A> vs <title B>",
    summary: "two profiles side by side, level differences marked",
  },
  {
    subcommand: "fit",
    usage: "/profile fit <title>: <candidate summary>",
    summary: "how a candidate fits a profile; without the summary, a form opens to paste it",
    action: "assess_fit",
  },
  {
    subcommand: "match",
    usage: "/profile match",
    summary: "paste a summary and see the profiles it fits best",
    action: "match_candidate",
  },
  {
    subcommand: "successors",
    usage: "/profile successors <title> | @person",
    summary: "people ranked as successors for a role (or a person's role), with readiness and bench strength",
    action: "list_successors",
  },
  {
    subcommand: "gaps",
    usage: "/profile gaps @person <title>",
    summary: "a person's strengths and gaps against a role (their own without a title), with next steps",
    action: "person_gaps",
  },
  { subcommand: "help", usage: "/profile help", summary: "this list" },
];

export type HelpOptions = { topic?: Subcommand; problem?: string; didYouMean?: Subcommand };

/** The list of commands, led by what went wrong and what was probably meant, if anything. */
export function helpMessage(options: HelpOptions = {}): Message {
  const lead: string[] = [];
  if (options.didYouMean) lead.push(`Did you mean \`${options.didYouMean}\`?`);
  if (options.problem) lead.push(escapeMrkdwn(options.problem));
  const topic = USAGE.find((entry) => entry.subcommand === (options.topic ?? options.didYouMean));
  if (topic && topic.subcommand !== "help") lead.push(`Usage: \`${topic.usage}\` — ${topic.summary}.`);
  const lines = USAGE.map((entry) => `• \`${entry.usage}\` — ${entry.summary}`);
  return composeMessage(lead[0] ?? "How to use /profile", {
    head: lead.length > 0 ? [section(lead.join("\n"))] : [header("How to use /profile")],
    body: [section(lines.join("\n"))],
    tail: [
      context(
        "Answers are visible only to you until you share them. Mention the bot with a candidate summary in a thread, or use the message shortcut *Assess candidate fit* on any message.",
        "`fit` and `match` are for recruiters, `successors` and `gaps` for HR and managers; your competency-bot admin grants them.",
      ),
    ],
  });
}
