import { compareProfiles as compareDomain } from "../../domain/compare.js";
import { compareProfiles } from "../../services/compare-profiles.js";
import { findProfile, getProfileById } from "../../services/find-profile.js";
import type { Library } from "../../services/library.js";
import type { Choice } from "../action-values.js";
import { comparisonMessage } from "../blocks/compare.js";
import { helpMessage } from "../blocks/help.js";
import { pickerMessage, unresolvedIntro } from "../blocks/picker.js";
import { profileMessage } from "../blocks/profile.js";
import { searchMessage } from "../blocks/search.js";
import type { SlackDeps } from "../deps.js";
import type { Subcommand } from "../parse-profile-command.js";
import { type Answer, ensureAllowed, message, sourceOf } from "./answer.js";

const SEARCH_LIMIT = 10;

export async function showProfile(
  deps: SlackDeps,
  userId: string,
  title: string,
  didYouMean?: Subcommand,
): Promise<Answer> {
  await ensureAllowed(deps, userId, "show_profile");
  const library = await deps.library();
  const resolution = findProfile({ library, title });
  if (resolution.kind === "found") return showProfileById(deps, library, resolution.profile.id);
  const candidates = resolution.kind === "ambiguous" ? resolution.candidates : resolution.suggestions;
  // A mistyped subcommand ("serch nurse") is more likely than a title nobody has: say what was meant.
  if (didYouMean && candidates.length === 0) return message(helpMessage({ didYouMean }));
  return message(
    pickerMessage({
      intro: unresolvedIntro(title, resolution.kind, candidates.length),
      candidates,
      continuation: { op: "show" },
      ...(didYouMean ? { hint: `Did you mean \`${didYouMean}\`? If you meant a job title:` } : {}),
    }),
  );
}

async function showProfileById(deps: SlackDeps, library: Library, id: number): Promise<Answer> {
  const profile = getProfileById(library, id);
  return message(profileMessage(profile, await sourceOf(deps, library, profile.frameworkName)));
}

export async function searchProfiles(deps: SlackDeps, userId: string, query: string): Promise<Answer> {
  await ensureAllowed(deps, userId, "search_profiles");
  const library = await deps.library();
  return message(searchMessage(query, library.search(query, { limit: SEARCH_LIMIT })));
}

export async function compareTitles(
  deps: SlackDeps,
  userId: string,
  titleA: string,
  titleB: string,
): Promise<Answer> {
  await ensureAllowed(deps, userId, "compare_profiles");
  const library = await deps.library();
  const result = compareProfiles({ library, query: `${titleA} vs ${titleB}` });
  if (result.kind === "compared") return message(comparisonMessage(result.comparison));
  const { resolution, side, other } = result;
  const candidates = resolution.kind === "ambiguous" ? resolution.candidates : resolution.suggestions;
  return message(
    pickerMessage({
      intro: unresolvedIntro(resolution.query, resolution.kind, candidates.length, `as profile ${side}`),
      candidates,
      continuation: { op: "compare", side, other: other.slice(0, 200) },
    }),
  );
}

/** Goes on with a show or compare request once the user chose a profile in a picker. */
export async function continueWithProfile(deps: SlackDeps, userId: string, choice: Choice): Promise<Answer> {
  if (choice.op === "show") {
    await ensureAllowed(deps, userId, "show_profile");
    return showProfileById(deps, await deps.library(), choice.id);
  }
  if (choice.op !== "compare") throw new Error(`continueWithProfile cannot continue ${choice.op}`);
  await ensureAllowed(deps, userId, "compare_profiles");
  const library = await deps.library();
  const chosen = getProfileById(library, choice.id);
  const otherSide = choice.side === "A" ? "B" : "A";
  let other = typeof choice.other === "number" ? getProfileById(library, choice.other) : undefined;
  if (typeof choice.other === "string") {
    const resolution = findProfile({ library, title: choice.other });
    if (resolution.kind !== "found") {
      const candidates = resolution.kind === "ambiguous" ? resolution.candidates : resolution.suggestions;
      return message(
        pickerMessage({
          intro: unresolvedIntro(
            resolution.query,
            resolution.kind,
            candidates.length,
            `as profile ${otherSide}`,
          ),
          candidates,
          continuation: { op: "compare", side: otherSide, other: chosen.id },
        }),
      );
    }
    other = resolution.profile;
  }
  if (!other) throw new Error("unreachable: the other side is a title or an id");
  const [a, b] = choice.side === "A" ? [chosen, other] : [other, chosen];
  return message(comparisonMessage(compareDomain(a, b)));
}

export type ProfileChoice = { label: string; profileId: number };

/** Profiles for a picker filled as the user types (the fit form's profile field). */
export async function profileChoices(deps: SlackDeps, query: string, limit = 20): Promise<ProfileChoice[]> {
  const library = await deps.library();
  return library
    .search(query, { limit })
    .map((match) => ({ label: `${match.title} (${match.frameworkName})`, profileId: match.profileId }));
}
