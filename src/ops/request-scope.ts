import { AsyncLocalStorage } from "node:async_hooks";
import { createHash, randomUUID } from "node:crypto";

/** What every log line written while handling one request (or running one job) carries. */
export type RequestScope = { requestId: string };

const scopes = new AsyncLocalStorage<RequestScope>();

/** Runs `work` so that everything it logs, however deep and however late, names `scope.requestId`. */
export function inRequestScope<T>(scope: RequestScope, work: () => T): T {
  return scopes.run(scope, work);
}

export function currentRequestId(): string | undefined {
  return scopes.getStore()?.requestId;
}

/**
 * A request's id, the same on every delivery of it (a Slack retry, a replay), so its log lines and its
 * duplicates can be matched up: the Events API's event id, or a digest of the trigger id that commands and
 * interactions carry (the trigger id itself opens modals for a few seconds, so it is not logged). Requests
 * with neither (a select menu's options) get a fresh id.
 */
export function requestIdOf(body: unknown): string {
  const fields = (body ?? {}) as { event_id?: unknown; trigger_id?: unknown };
  if (typeof fields.event_id === "string" && /^[\w-]{1,64}$/.test(fields.event_id)) {
    return `e-${fields.event_id}`;
  }
  if (typeof fields.trigger_id === "string" && fields.trigger_id !== "") {
    return `t-${createHash("sha256").update(fields.trigger_id).digest("hex").slice(0, 20)}`;
  }
  return `r-${randomUUID()}`;
}

/** Whether `requestIdOf` derived the id from the request itself (so a second delivery has the same one). */
export function isDeliveryId(requestId: string): boolean {
  return !requestId.startsWith("r-");
}

/** An id for one run of a background job. */
export function jobRequestId(job: string): string {
  return `job-${job}-${randomUUID().slice(0, 8)}`;
}
