import type { FrameworkDefinition, FrameworkSummary, JobProfile } from "../domain/library.js";

export type SaveProgress = { stage: string; done: number; total: number };

export type SaveFrameworkResult = {
  framework: string;
  created: boolean;
  profilesCreated: number;
  profilesUpdated: number;
  profilesUnchanged: number;
  profilesRemoved: number;
  competencies: number;
};

/** The stored competency library. Implemented over Prisma in adapters/db/library-repository.ts. */
export interface LibraryRepository {
  /**
   * Stores a whole framework in one transaction, replacing any framework of the same name in place:
   * profiles matched by title are updated (their version bumped only when their content changed),
   * profiles no longer present are removed, new ones created. Idempotent.
   */
  saveFramework(
    definition: FrameworkDefinition,
    options?: { onProgress?: (progress: SaveProgress) => void },
  ): Promise<SaveFrameworkResult>;
  /** Every stored profile with its competencies, for the in-memory library. */
  loadProfiles(): Promise<JobProfile[]>;
  listFrameworks(): Promise<FrameworkSummary[]>;
  countProfiles(): Promise<number>;
}
