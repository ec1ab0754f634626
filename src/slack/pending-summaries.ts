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
export interface SharedPendingSummaries {
  put(owner: string, summary: string): Promise<string>;
  /** The summary under `key` if `owner` put it there and it has not expired. */
  get(owner: string, key: string): Promise<string | undefined>;
}

/** Where shared summaries are stored (the PendingRequest table). */
export interface PendingRequestStore {
  save(request: { id: string; actor: string; payload: unknown; expiresAt: Date }): Promise<void>;
  findUnexpired(id: string, now: Date): Promise<{ actor: string; payload: unknown } | null>;
}

type PendingSummaryPayload = { summary: string };

const KEY = /^[0-9a-f-]{36}$/;

export function createSharedPendingSummaries(
  store: PendingRequestStore,
  clock: () => number = Date.now,
): SharedPendingSummaries {
  return {
    async put(owner, summary) {
      const id = randomUUID();
      const payload: PendingSummaryPayload = { summary };
      await store.save({ id, actor: owner, payload, expiresAt: new Date(clock() + PENDING_TTL_MS) });
      return id;
    },
    async get(owner, key) {
      // Keys come back from button values; anything but one of ours cannot be stored.
      if (!KEY.test(key)) return undefined;
      const row = await store.findUnexpired(key, new Date(clock()));
      if (!row || row.actor !== owner) return undefined;
      const summary = (row.payload as Partial<PendingSummaryPayload> | null)?.summary;
      return typeof summary === "string" ? summary : undefined;
    },
  };
}

/**
 * The same, in this process's memory only: a choice made after a restart, or handled by another
 * instance, asks for the summary again. Kept until the answers await `SharedPendingSummaries` (see
 * docs/reliability.md); then this goes.
 */
export interface PendingSummaries {
  put(owner: string, summary: string): string;
  get(owner: string, key: string): string | undefined;
}

const MAX_ENTRIES = 5_000;

export function createPendingSummaries(clock: () => number = Date.now): PendingSummaries {
  const entries = new Map<string, { owner: string; summary: string; expires: number }>();
  const sweep = (now: number) => {
    for (const [key, entry] of entries) {
      if (entry.expires > now && entries.size <= MAX_ENTRIES) break;
      entries.delete(key);
    }
  };
  return {
    put(owner, summary) {
      const now = clock();
      sweep(now);
      const key = randomUUID();
      entries.set(key, { owner, summary, expires: now + PENDING_TTL_MS });
      return key;
    },
    get(owner, key) {
      const entry = entries.get(key);
      if (!entry || entry.owner !== owner || entry.expires <= clock()) return undefined;
      return entry.summary;
    },
  };
}
