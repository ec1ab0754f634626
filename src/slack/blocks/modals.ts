import type { types } from "@slack/bolt";
import type { JobProfile } from "../../domain/library.js";
import type { EvidencedLevel } from "../../services/keep-assessment-as-ratings.js";
import {
  ACTIONS,
  encode,
  type FitModalState,
  type KeepRatingsModalState,
  type MatchModalState,
  VIEWS,
} from "../action-values.js";
import { plural } from "./common.js";
import {
  clip,
  context,
  type KnownBlock,
  literal,
  type ModalView,
  modal,
  option,
  packLines,
  plain,
  SLACK_LIMITS,
  section,
} from "./limits.js";

/** Block ids of the form inputs, read back from `view.state.values`. */
export const INPUTS = {
  profile: "profile",
  summary: "summary",
  framework: "framework",
  family: "family",
  person: "person",
} as const;

function summaryInput(retentionDays: number, initial?: string): KnownBlock {
  const element: types.PlainTextInput = {
    type: "plain_text_input",
    action_id: ACTIONS.summaryInput,
    multiline: true,
    max_length: SLACK_LIMITS.plainTextInput,
    placeholder: plain("Paste the candidate's résumé summary or interview notes", SLACK_LIMITS.placeholder),
  };
  if (initial) element.initial_value = clip(initial, SLACK_LIMITS.plainTextInput);
  const kept =
    retentionDays > 0
      ? `Kept with the assessment for ${plural(retentionDays, "day")}, then deleted; the scores stay.`
      : "Not kept: only the scores are stored.";
  return {
    type: "input",
    block_id: INPUTS.summary,
    label: plain("Candidate summary", SLACK_LIMITS.inputLabel),
    hint: plain(kept, SLACK_LIMITS.inputHint),
    element,
  };
}

function profileInput(): KnownBlock {
  return {
    type: "input",
    block_id: INPUTS.profile,
    label: plain("Job profile", SLACK_LIMITS.inputLabel),
    element: {
      type: "external_select",
      action_id: ACTIONS.profileSelect,
      min_query_length: 2,
      placeholder: plain("Type a job title", SLACK_LIMITS.placeholder),
    },
  };
}

export type FitModalOptions = {
  state: FitModalState;
  retentionDays: number;
  /** The profile when already known; otherwise the form asks for one. */
  profile?: Pick<JobProfile, "title" | "frameworkName">;
  /** Prefilled summary, such as the text of the message a shortcut was used on. */
  summary?: string;
  /** Why the profile is asked for, when the title given did not find one. */
  note?: string;
};

/** The form for assessing a candidate against a profile. */
export function fitModal(options: FitModalOptions): ModalView {
  const blocks: KnownBlock[] = [];
  if (options.note) blocks.push(section(options.note));
  if (options.profile) {
    blocks.push(
      section(
        `*Profile:* ${literal(options.profile.title, 500)} (${literal(options.profile.frameworkName, 64)})`,
      ),
    );
  } else {
    blocks.push(profileInput());
  }
  blocks.push(summaryInput(options.retentionDays, options.summary));
  if (options.summary && options.summary.length > SLACK_LIMITS.plainTextInput) {
    blocks.push(
      context(
        `The message has ${options.summary.length.toLocaleString("en-US")} characters; the first ${SLACK_LIMITS.plainTextInput.toLocaleString("en-US")} are filled in. Edit them down to what matters.`,
      ),
    );
  }
  blocks.push(
    context(
      "The result comes back only to you. It is decision support, with the evidence, for a person to judge.",
    ),
  );
  return modal({
    title: "Assess candidate fit",
    callbackId: VIEWS.fit,
    submit: "Assess",
    close: "Cancel",
    privateMetadata: encode(options.state),
    blocks,
  });
}

export type MatchModalOptions = {
  state: MatchModalState;
  frameworks: string[];
  families: string[];
};

function optionalSelect(blockId: string, actionId: string, label: string, values: string[]): KnownBlock[] {
  const usable = values
    .filter((value) => value.length <= SLACK_LIMITS.optionValue)
    .slice(0, SLACK_LIMITS.selectOptions);
  if (usable.length === 0) return [];
  return [
    {
      type: "input",
      block_id: blockId,
      optional: true,
      label: plain(label, SLACK_LIMITS.inputLabel),
      element: {
        type: "static_select",
        action_id: actionId,
        placeholder: plain("Any", SLACK_LIMITS.placeholder),
        options: usable.map((value) => option(value, value)),
      },
    },
  ];
}

/** The form for finding the profiles a candidate fits best. */
export function matchModal(options: MatchModalOptions): ModalView {
  return modal({
    title: "Match a candidate",
    callbackId: VIEWS.match,
    submit: "Find profiles",
    close: "Cancel",
    privateMetadata: encode(options.state),
    blocks: [
      {
        ...summaryInput(0),
        hint: plain("Used for this search only; it is not stored.", SLACK_LIMITS.inputHint),
      } as KnownBlock,
      ...optionalSelect(INPUTS.framework, ACTIONS.frameworkSelect, "Framework", options.frameworks),
      ...optionalSelect(INPUTS.family, ACTIONS.familySelect, "Job family", options.families),
      context("The best-fitting profiles come back only to you."),
    ],
  });
}

export type KeepRatingsModalOptions = {
  state: KeepRatingsModalState;
  profileTitle: string;
  levels: EvidencedLevel[];
};

/** Which person an assessment's levels are kept for, with the ratings it would save. */
export function keepRatingsModal(options: KeepRatingsModalOptions): ModalView {
  const lines = options.levels.map((level) => `• ${literal(level.competency, 100)}: level ${level.level}`);
  return modal({
    title: "Keep as ratings",
    callbackId: VIEWS.keepRatings,
    submit: "Keep ratings",
    close: "Cancel",
    privateMetadata: encode(options.state),
    blocks: [
      section(
        `The levels this assessment for *${literal(options.profileTitle, 300)}* found with evidence become ratings of the person you choose: source *ASSESSMENT*, dated today. They replace that person's earlier assessment ratings of the same competencies; manager and self ratings stay.`,
      ),
      ...packLines([`*${plural(options.levels.length, "rating")} to keep*`, ...lines]).map((text) =>
        section(text),
      ),
      {
        type: "input",
        block_id: INPUTS.person,
        label: plain("Person", SLACK_LIMITS.inputLabel),
        element: {
          type: "users_select",
          action_id: ACTIONS.personSelect,
          placeholder: plain("Choose who this assessment was of", SLACK_LIMITS.placeholder),
        },
      },
      context(
        "Only people in the people store (imported with `competency-bot import people`, matched by their Slack account) can be rated; for anyone else nothing is saved.",
      ),
    ],
  });
}
