import { helpMessage } from "../blocks/help.js";
import type { SlackDeps } from "../deps.js";
import type { ProfileCommand } from "../parse-profile-command.js";
import { type Answer, message, type Requester } from "./answer.js";
import { fitCommand } from "./fit.js";
import { matchCommand } from "./match.js";
import { compareTitles, searchProfiles, showProfile } from "./profiles.js";
import { gapsCommand, successorsCommand } from "./succession.js";

/** The answer to a parsed `/profile` command. */
export function answerProfileCommand(
  deps: SlackDeps,
  command: ProfileCommand,
  requester: Requester,
): Promise<Answer> {
  switch (command.kind) {
    case "help":
      return Promise.resolve(message(helpMessage(command)));
    case "show":
      return showProfile(deps, requester.userId, command.title, command.didYouMean);
    case "search":
      return searchProfiles(deps, requester.userId, command.query);
    case "compare":
      return compareTitles(deps, requester.userId, command.titleA, command.titleB);
    case "fit":
      return fitCommand(deps, requester, command.title, command.summary);
    case "match":
      return matchCommand(deps, requester, command.summary);
    case "successors":
      return successorsCommand(deps, requester.userId, command.target);
    case "gaps":
      return gapsCommand(deps, requester.userId, command.userId, command.title);
  }
}
