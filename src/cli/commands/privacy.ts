import { createPendingRequestRepository } from "../../adapters/db/pending-request-repository.js";
import { invalidInput } from "../../domain/errors.js";
import { forgetPersonalData } from "../../services/forget-personal-data.js";
import { purgeCandidateText } from "../../services/purge-candidate-text.js";
import { noPositionals, onePositional, wholeNumberOption } from "../arguments.js";
import { type CliCommand, print } from "../command.js";

/** Who the audit trail names for work done from the command line (an administrator on this machine). */
export const CLI_ACTOR = `cli:${process.env.USER ?? "admin"}`;

function parseSince(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const relative = /^(\d+)([dh])$/.exec(value.trim());
  if (relative) {
    const hours = Number(relative[1]) * (relative[2] === "d" ? 24 : 1);
    return new Date(Date.now() - hours * 3_600_000);
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw invalidInput(
      `--since takes a date (2026-11-01, 2026-11-01T09:00Z) or an age (7d, 12h); got "${value}".`,
    );
  }
  return date;
}

export const auditCommand: CliCommand = {
  name: ["audit"],
  usage: "audit [--since DATE|7d] [--limit N]",
  summary: "List audit records: assessments, successor listings, denied attempts, erasures.",
  options: { since: { type: "string" }, limit: { type: "string" } },
  async run(input) {
    const since = parseSince(input.values.since as string | undefined);
    const limit = wholeNumberOption(input, "limit", { max: 10_000, fallback: 200 });
    const records = await (await input.context()).auditRepository.list({ since, limit });
    print(input, records, () =>
      records.length === 0
        ? "No audit records."
        : records
            .map((r) =>
              [
                r.at.toISOString(),
                r.actor,
                r.action,
                r.target,
                r.outcome,
                r.engine ?? "",
                r.detail ? JSON.stringify(r.detail) : "",
              ]
                .filter(Boolean)
                .join("  "),
            )
            .join("\n"),
    );
    return 0;
  },
};

export const purgeCommand: CliCommand = {
  name: ["purge"],
  usage: "purge",
  summary: "Drop candidate text past its retention period now (the app also does this hourly).",
  async run(input) {
    noPositionals(input, "purge");
    const context = await input.context();
    const result = await purgeCandidateText(
      {
        assessments: context.assessmentRepository,
        audit: context.auditRepository,
        clock: () => new Date(),
        retentionDays: context.config.retentionDays,
        pendingSummaries: createPendingRequestRepository(context.database.prisma),
      },
      CLI_ACTOR,
    );
    print(
      input,
      result,
      () =>
        `Purged the candidate text of ${result.assessments} assessment(s) and ${result.pendingSummaries} expired summary(ies) waiting for a profile.`,
    );
    return 0;
  },
};

export const forgetCommand: CliCommand = {
  name: ["forget"],
  usage: "forget <assessment id | person email>",
  summary: "Erase a candidate's or a person's personal data on request (audited).",
  async run(input) {
    const assessmentIdOrEmail = onePositional(input, "assessment id or person's email");
    const context = await input.context();
    const result = await forgetPersonalData(
      {
        assessments: context.assessmentRepository,
        people: context.peopleRepository,
        audit: context.auditRepository,
      },
      CLI_ACTOR,
      assessmentIdOrEmail,
    );
    print(input, result, () =>
      result.kind === "person"
        ? `Erased person ${result.id} and all their ratings.`
        : `Erased the candidate text and quoted evidence of assessment ${result.id}; its scores remain for the audit trail.`,
    );
    return 0;
  },
};
