import type { types } from "@slack/bolt";
import { ACTIONS } from "../slack/action-values.js";

type Block = types.KnownBlock;
type TextObject = { type: string; text: string };

/** An interactive element shown in the console: a numbered choice or a [button] to type. */
export type ConsoleControl = {
  label: string;
  actionId: string;
  value: string;
  /** What Slack asks before the button acts, if anything. */
  confirm?: string;
};

export type RenderedBlocks = {
  text: string;
  /** Picker options, numbered from 1 in the text: the user types the number. */
  choices: ConsoleControl[];
  /** Other buttons, shown as [Label]: the user types the label. */
  buttons: ConsoleControl[];
};

/** Buttons that pick one of several listed items; the console numbers them instead of drawing them. */
const CHOICE_ACTIONS = new Set<string>([ACTIONS.chooseProfile, ACTIONS.assessMatch]);
const FIELD_WIDTH = 38;

/**
 * Block Kit as plain text for a terminal: headers underlined, sections and fields as text, context
 * indented, dividers as a rule, buttons as [Label], picker options numbered. The console shows exactly
 * what a Slack user would get, so this reads the very blocks Slack would.
 */
export function renderBlocks(blocks: readonly types.AnyBlock[]): RenderedBlocks {
  const out: string[] = [];
  const choices: ConsoleControl[] = [];
  const buttons: ConsoleControl[] = [];
  const control = (element: unknown): ConsoleControl | null => {
    const e = element as types.Button | undefined;
    if (e?.type !== "button" || !e.text) return null;
    const confirm = e.confirm?.text
      ? { confirm: `${e.confirm.title?.text ?? "Are you sure?"} ${e.confirm.text.text}` }
      : {};
    return { label: e.text.text, actionId: e.action_id ?? "", value: e.value ?? "", ...confirm };
  };

  for (const block of blocks as Block[]) {
    switch (block.type) {
      case "header": {
        const text = block.text.text;
        out.push("", text, "═".repeat(Math.min(60, Math.max(3, text.length))));
        break;
      }
      case "section": {
        const accessory = control(block.accessory);
        let text = block.text ? mrkdwnToText(block.text) : "";
        if (accessory && CHOICE_ACTIONS.has(accessory.actionId)) {
          choices.push(accessory);
          text = indentAfterFirst(`${String(choices.length).padStart(2)}) ${text}`, "    ");
        } else if (accessory) {
          buttons.push(accessory);
          text = `${text} [${accessory.label}]`;
        }
        if (text) out.push(text);
        if (block.fields) out.push(renderFields(block.fields as TextObject[]));
        break;
      }
      case "context": {
        const parts = block.elements.filter(
          (e): e is types.MrkdwnElement | types.PlainTextElement => "text" in e,
        );
        out.push(indentAll(parts.map((e) => mrkdwnToText(e)).join(" · "), "  "));
        break;
      }
      case "divider":
        out.push("─".repeat(40));
        break;
      case "actions": {
        const labels: string[] = [];
        for (const element of block.elements) {
          const button = control(element);
          if (button && CHOICE_ACTIONS.has(button.actionId)) {
            choices.push(button);
            labels.push(`${choices.length}) ${button.label}`);
          } else if (button) {
            buttons.push(button);
            labels.push(`[${button.label}]`);
          }
        }
        if (labels.length > 0) out.push(labels.join(" "));
        break;
      }
      case "input": {
        const label = block.label.text;
        out.push(`${label}${block.optional ? " (optional)" : ""}: ____`);
        if (block.hint) out.push(indentAll(block.hint.text, "  "));
        break;
      }
      default:
        break;
    }
  }
  return { text: out.join("\n").replace(/^\n+/, ""), choices, buttons };
}

function renderFields(fields: TextObject[]): string {
  const lines: string[] = [];
  for (let i = 0; i < fields.length; i += 2) {
    const left = mrkdwnToText(fields[i] as TextObject).split("\n");
    const right = fields[i + 1] ? mrkdwnToText(fields[i + 1] as TextObject).split("\n") : [];
    const height = Math.max(left.length, right.length);
    for (let row = 0; row < height; row++) {
      const l = left[row] ?? "";
      const r = right[row] ?? "";
      lines.push(r ? `${l.padEnd(FIELD_WIDTH)} ${r}` : l);
    }
  }
  return lines.join("\n");
}

/**
 * Slack's mrkdwn as terminal text: entities decoded, mentions and links spelled out, bold, italic and
 * strike markers dropped, code fences replaced by indentation; inline `code` keeps its backticks, as
 * commands are written that way.
 */
export function mrkdwnToText(text: TextObject): string {
  if (text.type === "plain_text") return text.text;
  let value = text.text.replace(/```\n?([\s\S]*?)\n?```/g, (_, code: string) => indentAll(code, "  "));
  value = value
    .replace(/<@([^>|]+)(?:\|[^>]*)?>/g, "@$1")
    .replace(/<#([A-Z0-9]+)(?:\|([^>]*))?>/g, (_, id: string, name?: string) => `#${name || id}`)
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, "$2 ($1)")
    .replace(/<(https?:[^>]+)>/g, "$1")
    .replace(/(^|[\s(“"])\*([^*\n]+)\*(?=$|[\s).,;:!?”"])/gm, "$1$2")
    .replace(/(^|[\s(“"])_([^_\n]+)_(?=$|[\s).,;:!?”"])/gm, "$1$2")
    .replace(/(^|[\s(])~([^~\n]+)~(?=$|[\s).,;:!?])/gm, "$1$2");
  return value.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

function indentAll(text: string, prefix: string): string {
  return text
    .split("\n")
    .map((line) => (line ? `${prefix}${line}` : line))
    .join("\n");
}

function indentAfterFirst(text: string, prefix: string): string {
  const [first, ...rest] = text.split("\n");
  return [first, ...rest.map((line) => (line ? `${prefix}${line}` : line))].join("\n");
}
