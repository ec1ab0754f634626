import { AppError } from "../../domain/errors.js";
import type { FrameworkSummary } from "../../domain/library.js";
import type { Library } from "../../services/library.js";
import { refusalText, type SlackAction } from "../authorize.js";
import { notice } from "../blocks/common.js";
import { escapeMrkdwn, type Message, type ModalView } from "../blocks/limits.js";
import type { SlackDeps } from "../deps.js";

/**
 * What an answer asks the surface to do. Slack listeners and the console both act on these, so the
 * console shows exactly the blocks a Slack user gets.
 */
export type Answer =
  /** Shown at once (in the acknowledgement of a command, or in place of the message clicked). */
  | { kind: "message"; message: Message }
  /** A form to fill in. */
  | { kind: "modal"; view: ModalView }
  /** Slow work: `interim` is shown at once, the result replaces it when `finish` resolves. */
  | { kind: "deferred"; interim: Message; finish: () => Promise<Message> };

/** Who asked, and a key unique to this request (Slack's trigger id, event id…) for idempotency. */
export type Requester = { userId: string; requestKey: string; channelId?: string; responseUrl?: string };

export const message = (value: Message): Answer => ({ kind: "message", message: value });

/**
 * Goes on only if the authorization seam allows `action` to this user. A refusal is audited and thrown
 * as FORBIDDEN (no role) or UNAVAILABLE (Slack could not list a user group), before anything is read.
 */
export async function ensureAllowed(deps: SlackDeps, userId: string, action: SlackAction): Promise<void> {
  const access = await deps.authorize(userId, action);
  if (access === "allowed") return;
  await deps.audit.record({
    actor: userId,
    action,
    outcome: "denied",
    detail: { reason: access === "denied" ? "no_role" : "roles_unavailable" },
  });
  throw new AppError(access === "denied" ? "FORBIDDEN" : "UNAVAILABLE", refusalText(action, access));
}

/** Whether `action` is open to this user, for deciding what to show; nothing is audited. */
export async function isAllowed(deps: SlackDeps, userId: string, action: SlackAction): Promise<boolean> {
  return (await deps.authorize(userId, action)) === "allowed";
}

/** A refusal (no access, or access that could not be checked): said privately, wherever it happened. */
export function isRefusal(error: unknown): boolean {
  return error instanceof AppError && (error.code === "FORBIDDEN" || error.code === "UNAVAILABLE");
}

/** An error as the user should read it; unexpected errors say so without detail (details go to the log). */
export function errorMessage(error: unknown): Message {
  if (error instanceof AppError) {
    const lines = [error.message, ...error.problems.slice(0, 5).map((problem) => `• ${problem}`)];
    // Messages may quote what the user typed: escaped, except the user mentions they name on purpose.
    const detail = escapeMrkdwn(lines.join("\n")).replace(/&lt;@([UW][A-Z0-9]+)&gt;/g, "<@$1>");
    return notice(detail, error.code === "FORBIDDEN" ? "⛔" : "⚠️");
  }
  return notice("Something went wrong on our side; the request was not completed. Please try again.", "⚠️");
}

const frameworkLists = new WeakMap<Library, Promise<FrameworkSummary[]>>();

/** The frameworks loaded, read once per library (the library is rebuilt when an import changes it). */
export function frameworksOf(deps: SlackDeps, library: Library): Promise<FrameworkSummary[]> {
  let list = frameworkLists.get(library);
  if (!list) {
    list = deps.frameworks();
    list.catch(() => frameworkLists.delete(library));
    frameworkLists.set(library, list);
  }
  return list;
}

/** The attribution to show with a framework's profiles. */
export async function sourceOf(deps: SlackDeps, library: Library, frameworkName: string): Promise<string> {
  const frameworks = await frameworksOf(deps, library);
  return frameworks.find((framework) => framework.name === frameworkName)?.source ?? "";
}
