import { z } from "zod";

/**
 * Identifiers Slack sends back to us, and the values buttons carry. A value names what to continue or
 * show by ids (profiles, an assessment, a pending summary): never candidate text, since a button's value
 * travels with the message wherever it is shared, and Slack caps it at 2,000 characters.
 */
export const ACTIONS = {
  chooseProfile: "choose_profile",
  share: "share_answer",
  seeAll: "see_all",
  assessMatch: "assess_match",
  showEvidence: "show_evidence",
  openFitModal: "open_fit_modal",
  openMatchModal: "open_match_modal",
  profileSelect: "profile_select",
  frameworkSelect: "framework_select",
  familySelect: "family_select",
  summaryInput: "summary_input",
  keepAsRatings: "keep_as_ratings",
  personSelect: "person_select",
} as const;

export const VIEWS = { fit: "fit_modal", match: "match_modal", keepRatings: "keep_ratings_modal" } as const;
export const SHORTCUTS = { assessCandidate: "assess_candidate_fit" } as const;
export const COMMAND = "/profile";

/** Longest title a value carries for a request still to resolve (title lookups read no further). */
export const MAX_TITLE_IN_VALUE = 200;

const id = z.number().int().positive();
/** A Slack user id, as Slack sends it (`U…`, or `W…` on Enterprise Grid). */
export const slackUserId = z.string().regex(/^[UW][A-Z0-9]{2,30}$/);

/** Something answered before, re-rendered from ids: to share it, or to see all of it. */
export const Subject = z.discriminatedUnion("k", [
  z.object({ k: z.literal("profile"), id }),
  z.object({ k: z.literal("compare"), a: id, b: id }),
  z.object({ k: z.literal("search"), q: z.string().max(MAX_TITLE_IN_VALUE) }),
  /** `ev`: the sharer chose to include the quoted evidence. */
  z.object({ k: z.literal("fit"), aid: z.string().min(1).max(64), ev: z.literal(1).optional() }),
  z.object({
    k: z.literal("match"),
    /** Each profile's id with its overall, general and technical scores. */
    r: z.array(z.tuple([id, z.number(), z.number().nullable(), z.number().nullable()])).max(50),
    fw: z.string().max(MAX_TITLE_IN_VALUE).optional(),
    fa: z.string().max(MAX_TITLE_IN_VALUE).optional(),
  }),
  /** Successors for a role, or for the role of the person with Slack id `u`: never shared, only seen in full. */
  z.object({ k: z.literal("successors"), id }),
  z.object({ k: z.literal("person_successors"), u: slackUserId }),
]);
export type Subject = z.infer<typeof Subject>;

/** The request a profile picker continues once the user chose a profile (`id`). */
export const Continuation = z.discriminatedUnion("op", [
  z.object({ op: z.literal("show") }),
  /** The chosen profile is side `side`; the other side is still a title, or already a profile id. */
  z.object({
    op: z.literal("compare"),
    side: z.enum(["A", "B"]),
    other: z.union([z.string().max(MAX_TITLE_IN_VALUE), id]),
  }),
  /** The summary waits server-side under `pending`. */
  z.object({ op: z.literal("fit"), pending: z.string().min(1).max(64) }),
  z.object({ op: z.literal("successors") }),
  /** The gaps of the person with Slack id `u` against the chosen profile. */
  z.object({ op: z.literal("gaps"), u: slackUserId }),
]);
export type Continuation = z.infer<typeof Continuation>;

export const Choice = z.intersection(z.object({ id }), Continuation);
export type Choice = z.infer<typeof Choice>;

/** A fit modal's private_metadata: the chosen profile (if fixed) and where to answer. */
export const FitModalState = z.object({
  profileId: id.optional(),
  channel: z.string().max(64).optional(),
  responseUrl: z.string().max(500).optional(),
  /** Where the summary came from, for the audit trail of a shortcut: never the text itself. */
  source: z.enum(["command", "shortcut", "home"]),
});
export type FitModalState = z.infer<typeof FitModalState>;

export const MatchModalState = z.object({
  channel: z.string().max(64).optional(),
  responseUrl: z.string().max(500).optional(),
});
export type MatchModalState = z.infer<typeof MatchModalState>;

/** The "keep as ratings" form's private_metadata: the assessment, and where to confirm. */
export const KeepRatingsModalState = z.object({
  aid: z.string().min(1).max(64),
  channel: z.string().max(64).optional(),
  responseUrl: z.string().max(500).optional(),
});
export type KeepRatingsModalState = z.infer<typeof KeepRatingsModalState>;

export function encode(
  value: Subject | Choice | FitModalState | MatchModalState | KeepRatingsModalState,
): string {
  return JSON.stringify(value);
}

/** Parses a value Slack sent back; undefined when it is not one of ours (an old or tampered message). */
export function decode<T>(schema: z.ZodType<T>, raw: string | undefined): T | undefined {
  if (!raw) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
