import type { SlackAction } from "../authorize.js";
import { homeView } from "../blocks/home.js";
import type { HomeView } from "../blocks/limits.js";
import type { SlackDeps } from "../deps.js";
import { frameworksOf } from "./answer.js";

const RECENT = 10;

/** What the Home tab offers that not everyone may use. */
const OFFERED: SlackAction[] = [
  "assess_fit",
  "match_candidate",
  "view_assessment",
  "list_successors",
  "person_gaps",
];

/** The Home tab for this user: it shows only what they may use, and reads nothing else. */
export async function appHome(deps: SlackDeps, userId: string): Promise<HomeView> {
  const library = await deps.library();
  const access = await Promise.all(OFFERED.map((action) => deps.authorize(userId, action)));
  const allowed = new Set(OFFERED.filter((_, index) => access[index] === "allowed"));
  const [recent, frameworks] = await Promise.all([
    allowed.has("view_assessment") ? deps.assessments.listRecentByActor(userId, RECENT) : null,
    frameworksOf(deps, library),
  ]);
  return homeView({ recent, frameworks, allowed, unchecked: access.includes("unavailable") });
}
