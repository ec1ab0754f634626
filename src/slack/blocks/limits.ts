/**
 * Slack's limits on Block Kit, and the only builders that create blocks: every text is clipped, every
 * list capped and every message, modal and Home tab composed to fit here, so content of any size
 * (a 500-character title, a profile with 200 competencies) is shortened, never rejected by Slack.
 *
 * Figures from Slack's Block Kit reference; `messageJsonChars` is not documented: Slack refuses
 * messages whose blocks hold about 13,200 characters or more with `msg_blocks_too_long`
 * (slackapi/bolt-js#2509), so a message's blocks are kept under 12,000 characters of JSON, which also
 * counts the structure and is therefore stricter than counting text.
 */
import type { types } from "@slack/bolt";

export type KnownBlock = types.KnownBlock;
export type ButtonElement = types.Button;
export type ModalView = types.ModalView;
export type HomeView = types.HomeView;
export type PlainText = types.PlainTextElement;
export type Mrkdwn = types.MrkdwnElement;
export type SelectOption = types.PlainTextOption;

export const SLACK_LIMITS = {
  messageBlocks: 50,
  modalBlocks: 100,
  homeBlocks: 100,
  messageJsonChars: 12_000,
  /** The top-level `text` of a message, shown in notifications and where blocks cannot be. */
  fallbackText: 3_000,
  sectionText: 3_000,
  sectionFields: 10,
  fieldText: 2_000,
  headerText: 150,
  contextElements: 10,
  contextText: 3_000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2_000,
  actionId: 255,
  blockId: 255,
  optionText: 75,
  optionValue: 150,
  selectOptions: 100,
  placeholder: 150,
  inputLabel: 2_000,
  inputHint: 2_000,
  plainTextInput: 3_000,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3_000,
  callbackId: 255,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
} as const;

export type Message = { text: string; blocks: KnownBlock[] };

const ELLIPSIS = "…";

/** At most `max` characters, with an ellipsis when cut; never splits a surrogate pair or an entity. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - ELLIPSIS.length));
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  cut = cut.replace(/&[a-z]{0,4}$/, "");
  return `${cut}${ELLIPSIS}`;
}

/** Text that came from a user or the library, made safe inside mrkdwn (Slack's three control characters). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Escaped and clipped: for user or library text inside a larger mrkdwn string. */
export function literal(text: string, max: number): string {
  return escapeMrkdwn(clip(text.replace(/\s+/g, " ").trim(), max));
}

export function plain(text: string, max: number = SLACK_LIMITS.sectionText): PlainText {
  return { type: "plain_text", text: clip(text.trim() || " ", max), emoji: true };
}

export function mrkdwn(text: string, max: number = SLACK_LIMITS.sectionText): Mrkdwn {
  return { type: "mrkdwn", text: clip(text.trim() || " ", max) };
}

export function header(text: string): KnownBlock {
  return { type: "header", text: plain(text, SLACK_LIMITS.headerText) };
}

export function section(text: string, accessory?: ButtonElement): KnownBlock {
  return accessory
    ? { type: "section", text: mrkdwn(text), accessory }
    : { type: "section", text: mrkdwn(text) };
}

/** Two-column fields, ten a section at most; more fields make more sections. */
export function fields(items: string[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  for (let start = 0; start < items.length; start += SLACK_LIMITS.sectionFields) {
    const chunk = items.slice(start, start + SLACK_LIMITS.sectionFields);
    blocks.push({ type: "section", fields: chunk.map((item) => mrkdwn(item, SLACK_LIMITS.fieldText)) });
  }
  return blocks;
}

export function context(...texts: string[]): KnownBlock {
  const elements = texts
    .slice(0, SLACK_LIMITS.contextElements)
    .map((text) => mrkdwn(text, SLACK_LIMITS.contextText));
  return { type: "context", elements };
}

export function divider(): KnownBlock {
  return { type: "divider" };
}

export type ButtonOptions = {
  style?: "primary" | "danger";
  confirm?: { title: string; text: string; confirm: string; deny: string };
};

/**
 * A button whose value is a request to continue (JSON). Values are ours and bounded by design; a value
 * over Slack's limit is a programming error, so it throws here rather than at Slack.
 */
export function button(
  label: string,
  actionId: string,
  value: string,
  options: ButtonOptions = {},
): ButtonElement {
  if (value.length > SLACK_LIMITS.buttonValue) {
    throw new Error(
      `Button value for ${actionId} is ${value.length} characters; Slack allows ${SLACK_LIMITS.buttonValue}.`,
    );
  }
  const element: ButtonElement = {
    type: "button",
    text: plain(label, SLACK_LIMITS.buttonText),
    action_id: clip(actionId, SLACK_LIMITS.actionId),
    value,
  };
  if (options.style) element.style = options.style;
  if (options.confirm) {
    element.confirm = {
      title: plain(options.confirm.title, SLACK_LIMITS.confirmTitle),
      text: plain(options.confirm.text, SLACK_LIMITS.confirmText),
      confirm: plain(options.confirm.confirm, SLACK_LIMITS.confirmButton),
      deny: plain(options.confirm.deny, SLACK_LIMITS.confirmButton),
    };
  }
  return element;
}

export function actions(elements: ButtonElement[], blockId?: string): KnownBlock {
  const block: KnownBlock = { type: "actions", elements: elements.slice(0, SLACK_LIMITS.actionsElements) };
  if (blockId) block.block_id = clip(blockId, SLACK_LIMITS.blockId);
  return block;
}

export function option(text: string, value: string): SelectOption {
  if (value.length > SLACK_LIMITS.optionValue) {
    throw new Error(`Option value is ${value.length} characters; Slack allows ${SLACK_LIMITS.optionValue}.`);
  }
  return { text: plain(text, SLACK_LIMITS.optionText), value };
}

/**
 * Lines grouped into as few section texts as fit `max` characters each (a line too long on its own is
 * clipped). With `code`, each group is a preformatted block, so the fences are counted in.
 */
export function packLines(lines: string[], options: { code?: boolean; max?: number } = {}): string[] {
  const fence = options.code ? "```" : "";
  const max = (options.max ?? SLACK_LIMITS.sectionText) - 2 * fence.length - 2;
  const groups: string[] = [];
  let current: string[] = [];
  let size = 0;
  for (const raw of lines) {
    const line = clip(raw, max);
    const added = line.length + (current.length > 0 ? 1 : 0);
    if (current.length > 0 && size + added > max) {
      groups.push(current.join("\n"));
      current = [];
      size = 0;
    }
    size += line.length + (current.length > 0 ? 1 : 0);
    current.push(line);
  }
  if (current.length > 0) groups.push(current.join("\n"));
  return groups.map((group) => (fence ? `${fence}\n${group}\n${fence}` : group));
}

export type Composition = {
  /** Always shown first (a header, the summary line). */
  head: KnownBlock[];
  /** Shown as far as it fits, in order. */
  body: KnownBlock[];
  /** Always shown last (notices, the buttons). */
  tail: KnownBlock[];
  /** Said when the body was cut; `omitted` is the number of body blocks left out. */
  shortened?: (omitted: number) => string;
  /** Offered when the body was cut, to see the rest (a modal with everything, for instance). */
  more?: ButtonElement;
};

type Budget = { blocks: number; jsonChars: number };

const size = (block: KnownBlock) => JSON.stringify(block).length + 1;

/**
 * Head, as much of the body as fits, a note on what was left out, and the tail, within the budget.
 * The note and the "more" button take the place of body blocks, never of the head or the tail.
 */
function compose(parts: Composition, budget: Budget): KnownBlock[] {
  const { head, body, tail } = parts;
  const fixed = [...head, ...tail];
  const fixedSize = fixed.reduce((sum, block) => sum + size(block), 0);
  if (body.length === 0) return [...head, ...tail];

  const fits = (blocks: number, chars: number) => blocks <= budget.blocks && chars <= budget.jsonChars;
  const bodySize = body.reduce((sum, block) => sum + size(block), 0);
  if (fits(fixed.length + body.length, fixedSize + bodySize)) return [...head, ...body, ...tail];

  const notice = (omitted: number): KnownBlock[] => {
    const blocks: KnownBlock[] = [
      context(parts.shortened?.(omitted) ?? `_Shortened to fit Slack: ${omitted} more not shown._`),
    ];
    if (parts.more) blocks.push(actions([parts.more]));
    return blocks;
  };
  const reserve = notice(body.length);
  const reserveSize = reserve.reduce((sum, block) => sum + size(block), 0) + 16;
  const kept: KnownBlock[] = [];
  let used = fixedSize + reserveSize;
  for (const block of body) {
    const next = size(block);
    if (!fits(fixed.length + reserve.length + kept.length + 1, used + next)) break;
    kept.push(block);
    used += next;
  }
  return [...head, ...kept, ...notice(body.length - kept.length), ...tail];
}

/** A message within 50 blocks and Slack's total size. `text` is the notification and fallback. */
export function composeMessage(text: string, parts: Composition): Message {
  return {
    text: clip(text, SLACK_LIMITS.fallbackText),
    blocks: compose(parts, { blocks: SLACK_LIMITS.messageBlocks, jsonChars: SLACK_LIMITS.messageJsonChars }),
  };
}

/** Blocks for a modal or the Home tab: 100 blocks. */
export function composeSurface(
  parts: Composition,
  maxBlocks: number = SLACK_LIMITS.modalBlocks,
): KnownBlock[] {
  return compose(parts, { blocks: maxBlocks, jsonChars: Number.POSITIVE_INFINITY });
}

export type ModalOptions = {
  title: string;
  callbackId?: string;
  submit?: string;
  close?: string;
  privateMetadata?: string;
  blocks: KnownBlock[];
};

export function modal(options: ModalOptions): ModalView {
  if (options.privateMetadata && options.privateMetadata.length > SLACK_LIMITS.privateMetadata) {
    throw new Error(
      `private_metadata is ${options.privateMetadata.length} characters; Slack allows ${SLACK_LIMITS.privateMetadata}.`,
    );
  }
  const view: ModalView = {
    type: "modal",
    title: plain(options.title, SLACK_LIMITS.modalTitle),
    close: plain(options.close ?? "Close", SLACK_LIMITS.modalButton),
    blocks: options.blocks.slice(0, SLACK_LIMITS.modalBlocks),
  };
  if (options.callbackId) view.callback_id = clip(options.callbackId, SLACK_LIMITS.callbackId);
  if (options.submit) view.submit = plain(options.submit, SLACK_LIMITS.modalButton);
  if (options.privateMetadata) view.private_metadata = options.privateMetadata;
  return view;
}
