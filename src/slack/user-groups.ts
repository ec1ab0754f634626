import { webApi } from "@slack/bolt";
import type { SlackConfig } from "../config.js";
import type { GroupMembers } from "./authorize.js";

/** How long a user group's members are trusted: someone added or removed waits at most this long. */
export const GROUP_CACHE_MS = 5 * 60 * 1000;

/** A role check waits this long for Slack before refusing; the request itself has three seconds. */
const LOOKUP_TIMEOUT_MS = 2_000;

export type UserGroupsApi = {
  usergroups: { users: { list(args: { usergroup: string }): Promise<{ users?: string[] }> } };
};

/**
 * Members of Slack user groups through `usergroups.users.list` (scope `usergroups:read`), each group
 * cached for `ttlMs`. A failed lookup is not cached, and an expired list is never used in its place:
 * the caller refuses rather than trust who was a member some time ago.
 */
export function cachedGroupMembers(
  api: UserGroupsApi,
  options: { ttlMs?: number; now?: () => number } = {},
): GroupMembers {
  const ttlMs = options.ttlMs ?? GROUP_CACHE_MS;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { members: ReadonlySet<string>; expires: number }>();
  const pending = new Map<string, Promise<ReadonlySet<string>>>();
  return (groupId) => {
    const cached = cache.get(groupId);
    if (cached && cached.expires > now()) return Promise.resolve(cached.members);
    let lookup = pending.get(groupId);
    if (!lookup) {
      lookup = api.usergroups.users
        .list({ usergroup: groupId })
        .then((result) => {
          const members: ReadonlySet<string> = new Set(result.users ?? []);
          cache.set(groupId, { members, expires: now() + ttlMs });
          return members;
        })
        .finally(() => pending.delete(groupId));
      pending.set(groupId, lookup);
    }
    return lookup;
  };
}

/** Group members through the bot token; without Slack settings (the console) every lookup fails. */
export function createGroupMembers(slack: SlackConfig | null): GroupMembers {
  if (!slack) return () => Promise.reject(new Error("Slack is not configured"));
  const client = new webApi.WebClient(slack.botToken, {
    slackApiUrl: slack.apiUrl,
    timeout: LOOKUP_TIMEOUT_MS,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logLevel: webApi.LogLevel.ERROR,
  });
  return cachedGroupMembers(client);
}
