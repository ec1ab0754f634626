import type { FitResult } from "../domain/fit/index.js";

/** A stored assessment: who asked, when, against which profile version, the scores and the evidence. */
export type AssessmentRecord = {
  id: string;
  actor: string;
  createdAt: Date;
  profileId: number | null;
  profileTitle: string;
  frameworkName: string;
  profileVersion: number;
  engine: string;
  overall: number;
  general: number | null;
  technical: number | null;
  band: string;
  /** The full fit result as it was shown (per-competency levels, statuses, evidence offsets and quotes). */
  details: unknown;
  /** The candidate's text, until the retention period ends. */
  summaryText: string | null;
  purgeAfter: Date | null;
};

export type NewAssessment = Omit<AssessmentRecord, "details"> & {
  details: FitResult;
  requestKey: string | null;
};

export interface AssessmentRepository {
  /**
   * Stores it with its audit record, both or neither; a second delivery with the same request key
   * stores nothing and gets the first record back, marked duplicate.
   */
  create(
    assessment: NewAssessment,
    audit: AuditEntry,
  ): Promise<{ record: AssessmentRecord; duplicate: boolean }>;
  findByRequestKey(requestKey: string): Promise<AssessmentRecord | null>;
  findById(id: string): Promise<AssessmentRecord | null>;
  listRecentByActor(actor: string, limit: number): Promise<AssessmentRecord[]>;
  /** Drops the candidate text (and the quotes taken from it) of assessments past their retention. */
  purgeTextOlderThan(now: Date): Promise<number>;
  /** Erases the candidate's personal data from one assessment; false when there is no such assessment. */
  erase(id: string): Promise<boolean>;
}

export type AuditEntry = {
  actor: string;
  action: string;
  target?: string;
  outcome: "ok" | "denied" | "failed" | "not_found";
  engine?: string;
  /** Never candidate text: ids, counts, scores. */
  detail?: Record<string, unknown>;
};

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
}
