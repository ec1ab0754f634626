import { createPendingRequestRepository } from "../adapters/db/pending-request-repository.js";
import { createPeopleRepository } from "../adapters/db/people-repository.js";
import { createProcessedRequestRepository } from "../adapters/db/processed-request-repository.js";
import type { AppContext } from "../app-context.js";
import { NO_ROLES } from "../config.js";
import type { FrameworkSummary } from "../domain/library.js";
import type { FitAssessor } from "../services/assess-candidate.js";
import type { AssessmentRepository, AuditLog } from "../services/assessment-ports.js";
import type { Library } from "../services/library.js";
import type { PeopleRepository } from "../services/people-ports.js";
import { type Authorize, accessNotice, createAuthorize } from "./authorize.js";
import { createPendingSummaries, type PendingSummaries } from "./pending-summaries.js";
import { createGroupMembers } from "./user-groups.js";

/** Requests already handled, so a retried delivery posts nothing twice. */
export interface ProcessedRequests {
  claim(key: string): Promise<boolean>;
}

/** What the Slack answers (and the console, which shows the same answers) work with. */
export type SlackDeps = {
  library(): Promise<Library>;
  frameworks(): Promise<FrameworkSummary[]>;
  assessments: AssessmentRepository;
  people: PeopleRepository;
  audit: AuditLog;
  pending: PendingSummaries;
  processed: ProcessedRequests;
  authorize: Authorize;
  /** What to tell the operator at start about the access policy, if anything. */
  accessNotice: string | null;
  clock(): Date;
  /** Days the candidate's text is kept with an assessment. */
  retentionDays: number;
  /** A model-backed assessor when one is configured; the local engine otherwise. */
  assessor?: FitAssessor;
};

export type CreateSlackDepsOptions = { authorize?: Authorize; assessor?: FitAssessor; clock?: () => Date };

/**
 * What the answers need of the app's context (a test passes its own database and library). Without
 * roles, the default policy of a fresh install applies; without Slack settings, user groups cannot be
 * listed, so roles given as groups refuse.
 */
export type SlackDepsContext = Pick<
  AppContext,
  "database" | "library" | "libraryRepository" | "assessmentRepository" | "auditRepository"
> & {
  config: Pick<AppContext["config"], "retentionDays"> &
    Partial<Pick<AppContext["config"], "roles" | "slack">>;
};

/** The Slack answers' dependencies over the app's store; access follows the configured roles. */
export function createSlackDeps(context: SlackDepsContext, options: CreateSlackDepsOptions = {}): SlackDeps {
  const roles = context.config.roles ?? NO_ROLES;
  const clock = options.clock ?? (() => new Date());
  return {
    library: () => context.library.get(),
    frameworks: () => context.libraryRepository.listFrameworks(),
    assessments: context.assessmentRepository,
    people: createPeopleRepository(context.database.prisma),
    audit: context.auditRepository,
    pending: createPendingSummaries(createPendingRequestRepository(context.database.prisma), clock),
    processed: createProcessedRequestRepository(context.database.prisma),
    authorize: options.authorize ?? createAuthorize(roles, createGroupMembers(context.config.slack ?? null)),
    accessNotice: options.authorize ? null : accessNotice(roles),
    clock,
    retentionDays: context.config.retentionDays,
    ...(options.assessor ? { assessor: options.assessor } : {}),
  };
}
