import { AppError } from "../../domain/errors.js";
import type { AuditEntry } from "../../services/assessment-ports.js";
import { findProfile } from "../../services/find-profile.js";
import {
  type ListSuccessorsDeps,
  listPersonSuccessors,
  listSuccessors,
  type SuccessorList,
} from "../../services/list-successors.js";
import { personGaps } from "../../services/person-gaps.js";
import type { Subject } from "../action-values.js";
import type { Message, ModalView } from "../blocks/limits.js";
import { pickerMessage, unresolvedIntro } from "../blocks/picker.js";
import {
  gapsMessage,
  MESSAGE_SUCCESSORS,
  MODAL_SUCCESSORS,
  successorsMessage,
  successorsModal,
} from "../blocks/succession.js";
import type { SlackDeps } from "../deps.js";
import type { SuccessionTarget } from "../parse-profile-command.js";
import { type Answer, ensureAllowed, message } from "./answer.js";

/**
 * Succession in Slack: successors for a role or a person, and a person's gaps against a role. Access is
 * checked before anything is looked up, so a refusal says nothing about whether the person or role
 * exists; every listing and report is audited, with what was asked for and how it ended.
 */

type Audited = Pick<AuditEntry, "actor" | "action" | "target">;

function outcomeOf(error: unknown): AuditEntry["outcome"] {
  return error instanceof AppError && error.code === "NOT_FOUND" ? "not_found" : "failed";
}

async function audited<T>(
  deps: SlackDeps,
  entry: Audited,
  work: () => Promise<T>,
  detail: (result: T) => Record<string, unknown>,
): Promise<T> {
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await deps.audit.record({ ...entry, outcome: outcomeOf(error) });
    throw error;
  }
  await deps.audit.record({ ...entry, outcome: "ok", detail: detail(result) });
  return result;
}

function succession(deps: SlackDeps): Promise<ListSuccessorsDeps> {
  return deps.library().then((library) => ({ library, people: deps.people, clock: deps.clock }));
}

const listed = (list: SuccessorList) => ({
  profileId: list.profile.id,
  considered: list.considered,
  listed: list.successors.length,
  benchMembers: list.bench.members.length,
});

/** Successors for the role of the person with this Slack id, up to `limit`. */
function personSuccessors(deps: SlackDeps, actor: string, slackUserId: string, limit: number) {
  return audited(
    deps,
    { actor, action: "list_successors", target: `slack:${slackUserId}` },
    async () => listPersonSuccessors(await succession(deps), { person: { slackUserId }, limit }),
    (list) => ({ ...listed(list), personId: list.incumbent.id }),
  );
}

/** Successors for a profile, up to `limit`. */
async function roleSuccessors(deps: SlackDeps, actor: string, profileId: number, limit: number) {
  const source = await succession(deps);
  const profile = source.library.getProfile(profileId);
  return audited(
    deps,
    {
      actor,
      action: "list_successors",
      target: profile ? `${profile.frameworkName}/${profile.title}` : `profile:${profileId}`,
    },
    () => listSuccessors(source, { profileId, limit }),
    listed,
  );
}

/** `/profile successors <title>` or `/profile successors @person`. */
export async function successorsCommand(
  deps: SlackDeps,
  userId: string,
  target: SuccessionTarget,
): Promise<Answer> {
  await ensureAllowed(deps, userId, "list_successors");
  if ("userId" in target) {
    const list = await personSuccessors(deps, userId, target.userId, MESSAGE_SUCCESSORS);
    return message(successorsMessage(list, { k: "person_successors", u: target.userId }));
  }
  const library = await deps.library();
  const resolution = findProfile({ library, title: target.title });
  if (resolution.kind === "found")
    return message(await roleSuccessorsMessage(deps, userId, resolution.profile.id));
  const candidates = resolution.kind === "ambiguous" ? resolution.candidates : resolution.suggestions;
  return message(
    pickerMessage({
      intro: unresolvedIntro(target.title, resolution.kind, candidates.length, "to list successors for"),
      candidates,
      continuation: { op: "successors" },
    }),
  );
}

/** Successors for a profile chosen in a picker. */
export async function successorsForProfile(
  deps: SlackDeps,
  userId: string,
  profileId: number,
): Promise<Answer> {
  await ensureAllowed(deps, userId, "list_successors");
  return message(await roleSuccessorsMessage(deps, userId, profileId));
}

async function roleSuccessorsMessage(deps: SlackDeps, actor: string, profileId: number): Promise<Message> {
  const list = await roleSuccessors(deps, actor, profileId, MESSAGE_SUCCESSORS);
  return successorsMessage(list, { k: "successors", id: profileId });
}

/** "See all": the longer list in a modal, audited as a listing of its own. */
export async function allSuccessors(
  deps: SlackDeps,
  userId: string,
  subject: Extract<Subject, { k: "successors" | "person_successors" }>,
): Promise<ModalView> {
  await ensureAllowed(deps, userId, "list_successors");
  const list =
    subject.k === "successors"
      ? await roleSuccessors(deps, userId, subject.id, MODAL_SUCCESSORS)
      : await personSuccessors(deps, userId, subject.u, MODAL_SUCCESSORS);
  return successorsModal(list);
}

/** `/profile gaps @person [title]`: against their current role when no title is given. */
export async function gapsCommand(
  deps: SlackDeps,
  userId: string,
  personId: string,
  title: string | null,
): Promise<Answer> {
  await ensureAllowed(deps, userId, "person_gaps");
  if (title === null) return message(await gapsReport(deps, userId, personId));
  const library = await deps.library();
  const resolution = findProfile({ library, title });
  if (resolution.kind === "found")
    return message(await gapsReport(deps, userId, personId, resolution.profile.id));
  const candidates = resolution.kind === "ambiguous" ? resolution.candidates : resolution.suggestions;
  return message(
    pickerMessage({
      intro: unresolvedIntro(title, resolution.kind, candidates.length, "to compare them with"),
      candidates,
      continuation: { op: "gaps", u: personId },
    }),
  );
}

/** A person's gaps against a profile chosen in a picker. */
export async function gapsForProfile(
  deps: SlackDeps,
  userId: string,
  personId: string,
  profileId: number,
): Promise<Answer> {
  await ensureAllowed(deps, userId, "person_gaps");
  return message(await gapsReport(deps, userId, personId, profileId));
}

async function gapsReport(
  deps: SlackDeps,
  actor: string,
  slackUserId: string,
  profileId?: number,
): Promise<Message> {
  const gaps = await audited(
    deps,
    { actor, action: "person_gaps", target: `slack:${slackUserId}` },
    async () =>
      personGaps(await succession(deps), {
        person: { slackUserId },
        ...(profileId === undefined ? {} : { profileId }),
      }),
    (result) => ({
      personId: result.person.id,
      profile: `${result.profile.frameworkName}/${result.profile.title}`,
      percent: result.report.percent,
    }),
  );
  return gapsMessage(gaps);
}
