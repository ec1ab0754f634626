import type { Choice } from "../action-values.js";
import type { SlackDeps } from "../deps.js";
import type { Answer } from "./answer.js";
import { continueFit } from "./fit.js";
import { continueWithProfile } from "./profiles.js";
import { gapsForProfile, successorsForProfile } from "./succession.js";

/**
 * A profile chosen in a picker: the request it was asked for goes on with it, checked again for the
 * user who chose (a picker in a shared message can be pressed by anyone who sees it).
 */
export function continueChoice(deps: SlackDeps, userId: string, choice: Choice): Promise<Answer> {
  switch (choice.op) {
    case "fit":
      return continueFit(deps, userId, choice);
    case "successors":
      return successorsForProfile(deps, userId, choice.id);
    case "gaps":
      return gapsForProfile(deps, userId, choice.u, choice.id);
    case "show":
    case "compare":
      return continueWithProfile(deps, userId, choice);
  }
}
