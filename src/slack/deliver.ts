import type { Logger, webApi } from "@slack/bolt";
import type { Message } from "./blocks/limits.js";
import { logFailure } from "./log.js";

const RESPONSE_URL_TIMEOUT_MS = 10_000;

/** Where a private answer can go, best first: the request's response_url, an ephemeral message, a DM. */
export type PrivateTarget = { userId: string; channel?: string; responseUrl?: string };

/**
 * Posts a result only the user sees: in the channel they asked from when possible (the response_url
 * works even where the bot is not a member), otherwise in their direct messages with the app. With
 * `replaceOriginal`, the result takes the place of the message the response_url belongs to (a "working
 * on it" notice) when it goes that way.
 */
export async function postPrivately(
  client: webApi.WebClient,
  logger: Logger,
  target: PrivateTarget,
  message: Message,
  options: { replaceOriginal?: boolean } = {},
): Promise<void> {
  if (target.responseUrl) {
    try {
      const response = await fetch(target.responseUrl, {
        method: "POST",
        // A response_url that hangs must not hold the answer back from the other ways (as long as a
        // Web API call is given: WEB_API_POLICY).
        signal: AbortSignal.timeout(RESPONSE_URL_TIMEOUT_MS),
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          response_type: "ephemeral",
          replace_original: options.replaceOriginal ?? false,
          ...message,
        }),
      });
      if (response.ok) return;
      logger.warn(`response_url answered ${response.status}; posting the result another way`);
    } catch (error) {
      logFailure(logger, "Posting to response_url", error);
    }
  }
  if (target.channel) {
    try {
      await client.chat.postEphemeral({ channel: target.channel, user: target.userId, ...message });
      return;
    } catch (error) {
      logFailure(logger, "chat.postEphemeral", error);
    }
  }
  await client.chat.postMessage({ channel: target.userId, ...message });
}
