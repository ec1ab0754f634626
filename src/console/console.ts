import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { types } from "@slack/bolt";
import {
  ACTIONS,
  Choice,
  decode,
  FitModalState,
  KeepRatingsModalState,
  Subject,
  VIEWS,
} from "../slack/action-values.js";
import { type Answer, errorMessage } from "../slack/answers/answer.js";
import { continueChoice } from "../slack/answers/choice.js";
import { type SubmissionAnswer, submitFit } from "../slack/answers/fit.js";
import { appHome } from "../slack/answers/home.js";
import { keepRatingsForm, submitKeepRatings } from "../slack/answers/keep-ratings.js";
import { matchForm, submitMatch } from "../slack/answers/match.js";
import { answerMention } from "../slack/answers/mention.js";
import { answerProfileCommand } from "../slack/answers/profile-command.js";
import { profileChoices } from "../slack/answers/profiles.js";
import { evidenceMessage, fullView, sharedMessage } from "../slack/answers/subjects.js";
import { localAdmin } from "../slack/authorize.js";
import type { Message, ModalView } from "../slack/blocks/limits.js";
import { fitModal, INPUTS } from "../slack/blocks/modals.js";
import type { SlackDeps } from "../slack/deps.js";
import { parseProfileCommand } from "../slack/parse-profile-command.js";
import { type ConsoleControl, renderBlocks } from "./render-blocks.js";

export type ConsoleOptions = {
  deps: SlackDeps;
  input: Readable;
  output: Writable;
  /** Who the console acts as: the actor recorded with assessments. */
  userId: string;
  /** Prompts are shown only to a person at a terminal, not to piped input. */
  interactive?: boolean;
  /** Ends the console as end of input would (Ctrl-C at a terminal). */
  signal?: AbortSignal;
};

export const CONSOLE_HELP = [
  "The console answers as the Slack app would, rendered as text:",
  "  /profile <…>          any /profile command (try /profile help); name people by Slack id: @U123",
  "  @competency-bot <…>   a mention with a candidate summary, answered as in a thread",
  "  /assess [text]        the “Assess candidate fit” shortcut, on a message with this text",
  "  /home                 the App Home tab",
  "  <number>              choose a numbered option in the last answer",
  "  <button label>        press a [button] in the last answer",
  "  /quit                 leave (or end of input)",
].join("\n");

const RULE = "─".repeat(60);

/**
 * A local stand-in for Slack: reads commands line by line, answers with the same answers the Slack app
 * gives (the very Block Kit, rendered as text), and ends at end of input. Forms ask for their fields
 * one by one: a multi-line field ends with an empty line. Whoever runs it holds the store on this
 * machine, so it acts as a local admin: every role's answers are open to it.
 */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { output, userId } = options;
  const deps: SlackDeps = { ...options.deps, authorize: localAdmin };
  const lines = createInterface({
    input: options.input,
    terminal: false,
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const iterator = lines[Symbol.asyncIterator]();
  options.signal?.addEventListener("abort", () => lines.close(), { once: true });
  const write = (text: string): void => {
    output.write(text.endsWith("\n") ? text : `${text}\n`);
  };
  const read = async (prompt: string): Promise<string | null> => {
    if (options.interactive) output.write(prompt);
    const next = await iterator.next();
    return next.done ? null : next.value;
  };
  let controls: { choices: ConsoleControl[]; buttons: ConsoleControl[] } = { choices: [], buttons: [] };

  const show = (message: Message, banner?: string) => {
    const rendered = renderBlocks(message.blocks);
    write([banner, rendered.text, RULE].filter(Boolean).join("\n"));
    if (!banner?.includes("channel")) controls = { choices: rendered.choices, buttons: rendered.buttons };
  };

  const showView = (view: ModalView) => {
    const rendered = renderBlocks(view.blocks);
    write([view.title ? `┌ ${view.title.text} ┐` : "", rendered.text, RULE].filter(Boolean).join("\n"));
  };

  const attempt = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      show(errorMessage(error));
    }
  };

  const act = async (answer: Answer) => {
    if (answer.kind === "message") show(answer.message);
    else if (answer.kind === "deferred") show(await answer.finish());
    else await fillIn(answer.view);
  };

  /** A line of a multi-line field, until an empty line (or end of input). */
  const readBlock = async (prompt: string): Promise<string> => {
    const collected: string[] = [];
    let line = await read(prompt);
    while (line !== null && line.trim() !== "") {
      collected.push(line);
      line = await read("… ");
    }
    return collected.join("\n");
  };

  const pick = async <T>(prompt: string, labels: string[], values: T[]): Promise<T | undefined> => {
    if (labels.length === 0) return undefined;
    write(labels.map((label, index) => `${String(index + 1).padStart(2)}) ${label}`).join("\n"));
    const answer = (await read(prompt))?.trim() ?? "";
    const index = Number.parseInt(answer, 10);
    return Number.isInteger(index) && index >= 1 && index <= values.length ? values[index - 1] : undefined;
  };

  /** The "keep as ratings" form: the person is named by their Slack user id. */
  const keepRatings = async (view: ModalView) => {
    const state = decode(KeepRatingsModalState, view.private_metadata);
    if (!state) return;
    const typed = (await read("Person — their Slack user id (as in the people file): "))?.trim() ?? "";
    const answer = await submitKeepRatings(deps, {
      userId,
      assessmentId: state.aid,
      ...(typed ? { personSlackId: typed.replace(/^@/, "") } : {}),
    });
    if (answer.kind === "errors") {
      write(
        `Not submitted:\n${Object.values(answer.errors)
          .map((error) => `  - ${error}`)
          .join("\n")}\n${RULE}`,
      );
      return;
    }
    show(answer.message);
  };

  const fillIn = async (view: ModalView) => {
    showView(view);
    if (view.callback_id === VIEWS.keepRatings) return keepRatings(view);
    const inputs = (view.blocks as types.KnownBlock[]).filter(
      (block): block is types.InputBlock => block.type === "input",
    );
    const has = (blockId: string) => inputs.some((block) => block.block_id === blockId);
    const initial = inputs.flatMap((block) =>
      block.block_id === INPUTS.summary &&
      block.element.type === "plain_text_input" &&
      block.element.initial_value
        ? [block.element.initial_value]
        : [],
    )[0];
    let profileId: number | undefined;
    if (has(INPUTS.profile)) {
      const query = (await read("Job profile — type words of the title: "))?.trim() ?? "";
      const choices = await profileChoices(deps, query, 10);
      if (choices.length === 0) write(`No profile title fits “${query}”.`);
      profileId = await pick(
        "Type the number of the profile: ",
        choices.map((c) => c.label),
        choices.map((c) => c.profileId),
      );
    }
    if (initial) write("(The summary is filled in from the message; an empty line keeps it.)");
    const typed = await readBlock("Candidate summary — paste it, then an empty line:\n");
    const summary = typed || initial || "";

    let submission: SubmissionAnswer;
    if (view.callback_id === VIEWS.match) {
      const selectOptions = (blockId: string) =>
        inputs.flatMap((block) =>
          block.block_id === blockId && block.element.type === "static_select"
            ? (block.element.options ?? []).map((option) => option.value ?? "")
            : [],
        );
      const frameworks = selectOptions(INPUTS.framework);
      const families = selectOptions(INPUTS.family);
      const framework =
        frameworks.length > 1
          ? await pick("Framework (number, or empty for any): ", frameworks, frameworks)
          : undefined;
      const family =
        families.length > 0
          ? await pick("Job family (number, or empty for any): ", families, families)
          : undefined;
      submission = await submitMatch(deps, {
        userId,
        summary,
        ...(framework ? { framework } : {}),
        ...(family ? { family } : {}),
      });
    } else {
      const state = decode(FitModalState, view.private_metadata) ?? { source: "home" as const };
      submission = await submitFit(deps, {
        userId,
        state,
        summary,
        requestKey: `console:${randomUUID()}`,
        ...(profileId ? { profileId } : {}),
      });
    }
    if (submission.kind === "errors") {
      write(
        `Not submitted:\n${Object.values(submission.errors)
          .map((error) => `  - ${error}`)
          .join("\n")}\n${RULE}`,
      );
      return;
    }
    show(await submission.finish());
  };

  const press = async (control: ConsoleControl) => {
    if (control.confirm) {
      const answer = (await read(`${control.confirm} [y/N] `))?.trim().toLowerCase() ?? "";
      if (answer !== "y" && answer !== "yes") {
        write("Cancelled.");
        return;
      }
    }
    switch (control.actionId) {
      case ACTIONS.chooseProfile:
      case ACTIONS.assessMatch: {
        const choice = decode(Choice, control.value);
        if (!choice) {
          write("That option no longer works.");
          return;
        }
        return act(await continueChoice(deps, userId, choice));
      }
      case ACTIONS.share: {
        const subject = decode(Subject, control.value);
        if (subject)
          show(await sharedMessage(deps, userId, subject), "(posted in the channel, for everyone:)");
        return;
      }
      case ACTIONS.seeAll: {
        const subject = decode(Subject, control.value);
        if (subject) showView(await fullView(deps, userId, subject));
        return;
      }
      case ACTIONS.showEvidence: {
        const subject = decode(Subject, control.value);
        if (subject?.k === "fit")
          show(await evidenceMessage(deps, userId, subject.aid), "(only you can see this:)");
        return;
      }
      case ACTIONS.keepAsRatings: {
        const subject = decode(Subject, control.value);
        if (subject?.k === "fit") return act(await keepRatingsForm(deps, userId, { aid: subject.aid }));
        return;
      }
      case ACTIONS.openFitModal:
        return fillIn(fitModal({ state: { source: "home" }, retentionDays: deps.retentionDays }));
      case ACTIONS.openMatchModal:
        return fillIn(await matchForm(deps, {}));
      default:
        write(`[${control.label}] does nothing in the console.`);
    }
  };

  for (;;) {
    const line = await read("> ");
    if (line === null) break;
    const text = line.trim();
    if (text === "") continue;
    if (text === "/quit" || text === "/exit") break;
    await attempt(async () => {
      if (/^\/profile(\s|$)/i.test(text)) {
        const command = parseProfileCommand(text.replace(/^\/profile/i, ""));
        return act(
          await answerProfileCommand(deps, command, { userId, requestKey: `console:${randomUUID()}` }),
        );
      }
      if (/^@\S+/.test(text)) {
        const message = await answerMention(deps, {
          userId,
          text: text.replace(/^@\S+/, ""),
          eventId: randomUUID(),
        });
        return show(message, "(in the thread:)");
      }
      if (/^\/assess(\s|$)/i.test(text)) {
        const summary = text.replace(/^\/assess/i, "").trim();
        return fillIn(
          fitModal({
            state: { source: "shortcut" },
            retentionDays: deps.retentionDays,
            ...(summary ? { summary } : {}),
          }),
        );
      }
      if (text === "/home") {
        const view = await appHome(deps, userId);
        const rendered = renderBlocks(view.blocks);
        controls = { choices: rendered.choices, buttons: rendered.buttons };
        write(`${rendered.text}\n${RULE}`);
        return;
      }
      if (text === "/help") {
        write(CONSOLE_HELP);
        return;
      }
      const number = /^\d+$/.test(text) ? Number.parseInt(text, 10) : Number.NaN;
      const choice = controls.choices[number - 1];
      if (choice) return press(choice);
      const label = text.replace(/^\[|\]$/g, "").toLowerCase();
      const button = controls.buttons.find((candidate) => candidate.label.toLowerCase() === label);
      if (button) return press(button);
      if (!Number.isNaN(number)) {
        write(`There is no option ${number} in the last answer.`);
        return;
      }
      write(
        `Not a command: “${text.slice(0, 80)}”. Type /profile help for the commands, /help for the console.`,
      );
    });
  }
  lines.close();
}
