import { randomUUID } from "node:crypto";

/**
 * Candidate summaries waiting for the user to choose a profile (a picker, a list of best matches).
 * Buttons carry only the key: their values travel with the message and are capped at 2,000 characters.
 * A summary is kept for the life of a Slack `response_url` (30 minutes), then forgotten: it is candidate
 * text.
 */
export const PENDING_TTL_MS = 30 * 60 * 1000;

/**
 * Summaries kept in the database, so a choice handled by another instance, or after a restart, finds
 * its summary. Expired rows are never read and are deleted by the maintenance sweep (src/ops).
 */
export interface PendingSummaries {
  put(owner: string, summary: string): Promise<string>;
  /** The summary under `key` if `owner` put it there and it has not expired. */
  get(owner: string, key: string): Promise<string | undefined>;
}

/** Where shared summaries are stored (the PendingRequest table). */
export interface PendingRequestStore {
  save(request: { id: string; actor: string; payload: unknown; expiresAt: Date }): Promise<void>;
  findUnexpired(id: string, now: Date): Promise<{ actor: string; payload: unknown } | null>;
}

/**
 * The summary as a JSON string literal: NUL characters and half characters, which PostgreSQL's JSON
 * refuses, travel as escapes, so the summary comes back exactly as typed (the assessment then says what
 * it had to drop).
 */
type PendingSummaryPayload = { summaryJson: string };

const KEY = /^[0-9a-f-]{36}$/;

export function createPendingSummaries(
  store: PendingRequestStore,
  clock: () => Date = () => new Date(),
): PendingSummaries {
  return {
    async put(owner, summary) {
      const id = randomUUID();
      const payload: PendingSummaryPayload = { summaryJson: JSON.stringify(summary) };
      const expiresAt = new Date(clock().getTime() + PENDING_TTL_MS);
      await store.save({ id, actor: owner, payload, expiresAt });
      return id;
    },
    async get(owner, key) {
      // Keys come back from button values; anything but one of ours cannot be stored.
      if (!KEY.test(key)) return undefined;
      const row = await store.findUnexpired(key, clock());
      if (!row || row.actor !== owner) return undefined;
      return summaryOf(row.payload);
    },
  };
}

function summaryOf(payload: unknown): string | undefined {
  const stored = payload as Partial<PendingSummaryPayload> | null;
  return typeof stored?.summaryJson === "string" ? (JSON.parse(stored.summaryJson) as string) : undefined;
}
