import type { ViewOutput } from "@slack/bolt";
import { ACTIONS } from "../action-values.js";
import { INPUTS } from "../blocks/modals.js";

/** The form fields the app's modals have, read from a submitted view's state. */
export type FormValues = {
  summary: string;
  profileId?: number;
  framework?: string;
  family?: string;
  /** The Slack user chosen in a person picker. */
  personSlackId?: string;
};

export function readFormValues(view: Pick<ViewOutput, "state">): FormValues {
  const values = view.state.values;
  const profile = values[INPUTS.profile]?.[ACTIONS.profileSelect]?.selected_option?.value;
  const framework = values[INPUTS.framework]?.[ACTIONS.frameworkSelect]?.selected_option?.value;
  const family = values[INPUTS.family]?.[ACTIONS.familySelect]?.selected_option?.value;
  const person = values[INPUTS.person]?.[ACTIONS.personSelect]?.selected_user;
  const profileId = profile ? Number.parseInt(profile, 10) : Number.NaN;
  return {
    summary: values[INPUTS.summary]?.[ACTIONS.summaryInput]?.value ?? "",
    ...(Number.isInteger(profileId) && profileId > 0 ? { profileId } : {}),
    ...(framework ? { framework } : {}),
    ...(family ? { family } : {}),
    ...(person ? { personSlackId: person } : {}),
  };
}
