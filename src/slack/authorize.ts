import type { RoleMembers, RolesConfig } from "../config.js";

/**
 * The one place that decides who may do what in Slack (docs/access-control.md). Every answer asks it
 * through `ensureAllowed` before it reads anything; the App Home tab asks it what to show.
 */
export type SlackAction =
  | "show_profile"
  | "search_profiles"
  | "compare_profiles"
  | "assess_fit"
  | "match_candidate"
  | "view_assessment"
  | "keep_assessment_ratings"
  | "list_successors"
  | "person_gaps";

/** The roles actions ask for; admins (ROLE_ADMINS) hold both. */
export type Role = "recruiters" | "hr";

/** The role each action needs; null: anyone in the workspace. */
export const ACTION_ROLES: Readonly<Record<SlackAction, Role | null>> = {
  show_profile: null,
  search_profiles: null,
  compare_profiles: null,
  assess_fit: "recruiters",
  match_candidate: "recruiters",
  view_assessment: "recruiters",
  keep_assessment_ratings: "recruiters",
  list_successors: "hr",
  person_gaps: "hr",
};

/**
 * What everyone may do while no ROLE_* variable is set, so a fresh install can be tried: reading
 * candidates against profiles. Succession reads and writes ratings of named colleagues, so it stays
 * closed until roles are configured, and keeping an assessment as ratings with it.
 */
const OPEN_WITHOUT_ROLES: ReadonlySet<SlackAction> = new Set<SlackAction>([
  "assess_fit",
  "match_candidate",
  "view_assessment",
]);

/** `unavailable`: the answer depends on a user group Slack could not list just now (so: not allowed). */
export type Access = "allowed" | "denied" | "unavailable";

export type Authorize = (userId: string, action: SlackAction) => Promise<Access>;

/** The members of a Slack user group; rejects when Slack cannot say. */
export type GroupMembers = (groupId: string) => Promise<ReadonlySet<string>>;

/** Roles from configuration; user groups are listed through `groupMembers` only when they matter. */
export function createAuthorize(roles: RolesConfig, groupMembers: GroupMembers): Authorize {
  return async (userId, action) => {
    const role = ACTION_ROLES[action];
    if (role === null) return "allowed";
    if (!roles.configured) return OPEN_WITHOUT_ROLES.has(action) ? "allowed" : "denied";
    const holders: RoleMembers[] = [roles[role], roles.admins];
    if (holders.some((members) => members.users.includes(userId))) return "allowed";
    const groups = [...new Set(holders.flatMap((members) => members.groups))];
    const listed = await Promise.allSettled(groups.map((group) => groupMembers(group)));
    if (listed.some((result) => result.status === "fulfilled" && result.value.has(userId))) return "allowed";
    // Fail closed: a group that could not be listed may be the one that holds this user.
    return listed.some((result) => result.status === "rejected") ? "unavailable" : "denied";
  };
}

/** The console is run by whoever holds the store on this machine: a local admin. */
export const localAdmin: Authorize = async () => "allowed";

const ACTION_NAMES: Readonly<Record<SlackAction, string>> = {
  show_profile: "job profiles",
  search_profiles: "job profiles",
  compare_profiles: "job profiles",
  assess_fit: "candidate fit assessments",
  match_candidate: "candidate matching",
  view_assessment: "candidate assessments",
  keep_assessment_ratings: "keeping assessments as ratings of people",
  list_successors: "successor lists",
  person_gaps: "gap reports",
};

const ROLE_NAMES: Readonly<Record<Role, string>> = {
  recruiters: "the recruiters role (ROLE_RECRUITERS)",
  hr: "the HR and managers role (ROLE_HR)",
};

/**
 * What a refused user reads. It names the action and the role, never what was asked about, so a refusal
 * says nothing about whether a person or profile exists.
 */
export function refusalText(action: SlackAction, access: Exclude<Access, "allowed">): string {
  if (access === "unavailable") {
    return "I could not check your access with Slack just now, so nothing was done. Please try again in a minute.";
  }
  const role = ACTION_ROLES[action];
  const ask = role ? ` Ask your competency-bot admin to add you to ${ROLE_NAMES[role]}.` : "";
  return `You don't have access to ${ACTION_NAMES[action]}.${ask}`;
}

/** Said once at start while no role is configured, so an operator knows the default is in force. */
export function accessNotice(roles: RolesConfig): string | null {
  if (roles.configured) return null;
  return "No ROLE_* variable is set: everyone in the workspace may assess and match candidates; successor lists and gap reports are closed until ROLE_HR or ROLE_ADMINS is set (docs/access-control.md).";
}
