import { AppError } from "../domain/errors.js";
import type { AssessmentRepository, AuditLog } from "./assessment-ports.js";
import type { PeopleRepository } from "./people-ports.js";

export type ForgetDeps = { assessments: AssessmentRepository; people: PeopleRepository; audit: AuditLog };

export type ForgetResult = { kind: "assessment" | "person"; id: string };

/**
 * Erases personal data on request: an assessment's candidate text and quoted evidence (scores and
 * statuses stay for the audit trail), or a person with all their ratings. The erasure is audited.
 * `target` is an assessment id, or a person's email.
 */
export async function forgetPersonalData(
  deps: ForgetDeps,
  actor: string,
  target: string,
): Promise<ForgetResult> {
  const key = target.trim();
  if (key.includes("@")) {
    const person = await deps.people.findPersonByEmail(key);
    if (!person || !(await deps.people.erasePerson(person.id))) {
      throw new AppError("NOT_FOUND", `No person with the email ${key} is stored.`);
    }
    await deps.audit.record({ actor, action: "forget_person", target: `person:${person.id}`, outcome: "ok" });
    return { kind: "person", id: String(person.id) };
  }
  if (!(await deps.assessments.erase(key))) {
    throw new AppError(
      "NOT_FOUND",
      `No assessment has the id ${key}. Give an assessment id or a person's email.`,
    );
  }
  await deps.audit.record({ actor, action: "forget_assessment", target: `assessment:${key}`, outcome: "ok" });
  return { kind: "assessment", id: key };
}
