import { findProfile } from "../../services/find-profile.js";
import { notice } from "../blocks/common.js";
import { fitMessage } from "../blocks/fit.js";
import { literal, type Message } from "../blocks/limits.js";
import { pickerMessage, unresolvedIntro } from "../blocks/picker.js";
import type { SlackDeps } from "../deps.js";
import { parseMention } from "../parse-mention.js";
import { ensureAllowed } from "./answer.js";
import { assess, summaryProblem } from "./fit.js";
import { matchAndRender } from "./match.js";

export type Mention = { userId: string; text: string; eventId: string };

/**
 * The answer to a mention, posted in its thread: the fit for the profile named, a choice of profiles
 * when the title is unclear, or the profiles the summary fits best when none is named. A thread is
 * public, so a fit shows scores and statuses; the person who asked sees the evidence privately.
 */
export async function answerMention(deps: SlackDeps, mention: Mention): Promise<Message> {
  const request = parseMention(mention.text);
  const problem = summaryProblem(request.summary);
  if (problem) {
    return notice(
      `${problem}\nMention me with the summary, e.g. “@competency-bot how does this candidate fit Media Relations Specialist? <their summary>”.`,
      "👋",
    );
  }
  const library = await deps.library();
  let lead: string | undefined;
  if (request.title !== null) {
    await ensureAllowed(deps, mention.userId, "assess_fit");
    const resolution = findProfile({ library, title: request.title });
    if (resolution.kind === "found") {
      const { assessmentId, fit } = await assess(deps, {
        userId: mention.userId,
        profileId: resolution.profile.id,
        summary: request.summary,
        requestKey: `event:${mention.eventId}`,
      });
      return fitMessage({ assessmentId, fit, audience: "thread" });
    }
    if (resolution.kind === "ambiguous") {
      const pending = await deps.pending.put(mention.userId, request.summary);
      return pickerMessage({
        intro: unresolvedIntro(
          request.title,
          "ambiguous",
          resolution.candidates.length,
          "to assess the candidate against",
        ),
        candidates: resolution.candidates,
        continuation: { op: "fit", pending },
      });
    }
    lead = `I found no profile called “${literal(request.title, 200)}”; these are the profiles the summary fits best.`;
  }
  await ensureAllowed(deps, mention.userId, "match_candidate");
  return matchAndRender(deps, {
    userId: mention.userId,
    summary: request.summary,
    ...(lead ? { lead } : {}),
  });
}
