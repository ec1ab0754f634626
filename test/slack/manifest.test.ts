import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { COMMAND, SHORTCUTS } from "../../src/slack/action-values.js";

type Manifest = {
  display_information: { name: string; description: string; long_description: string };
  features: {
    app_home: { home_tab_enabled: boolean };
    bot_user: { display_name: string };
    slash_commands: {
      command: string;
      usage_hint: string;
      description: string;
      url: string;
      should_escape: boolean;
    }[];
    shortcuts: { name: string; type: string; callback_id: string; description: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[]; request_url: string };
    interactivity: { is_enabled: boolean; request_url: string; message_menu_options_url: string };
  };
};

const manifest = parse(readFileSync(new URL("../../manifest.yml", import.meta.url), "utf8")) as Manifest;

describe("manifest.yml", () => {
  it("describes the app within Slack's length limits", () => {
    const { name, description, long_description } = manifest.display_information;
    expect(name.length).toBeLessThanOrEqual(35);
    expect(description.length).toBeLessThanOrEqual(140);
    expect(long_description.length).toBeGreaterThanOrEqual(175);
    expect(long_description.length).toBeLessThanOrEqual(4_000);
    expect(manifest.features.bot_user.display_name).toBeTruthy();
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });

  it("declares the command and shortcut the app listens for", () => {
    const [command] = manifest.features.slash_commands;
    expect(command?.command).toBe(COMMAND);
    expect(command?.usage_hint.length).toBeLessThanOrEqual(1_000);
    expect(command?.usage_hint).toContain("compare");
    expect(command?.usage_hint).toContain("successors");
    // Slack sends mentions as <@U…|name> only when the command escapes users.
    expect(command?.should_escape).toBe(true);
    expect(manifest.features.shortcuts).toEqual([
      expect.objectContaining({
        name: "Assess candidate fit",
        type: "message",
        callback_id: SHORTCUTS.assessCandidate,
      }),
    ]);
    for (const shortcut of manifest.features.shortcuts)
      expect(shortcut.description.length).toBeLessThanOrEqual(150);
  });

  it("subscribes to the events it handles and asks only for the scopes it uses", () => {
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([
      "app_home_opened",
      "app_mention",
    ]);
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual([
      "app_mentions:read",
      "chat:write",
      "commands",
      "usergroups:read",
    ]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    for (const url of [
      manifest.features.slash_commands[0]?.url,
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      manifest.settings.interactivity.message_menu_options_url,
    ]) {
      expect(url).toMatch(/^https:\/\/.+\/slack\/events$/);
    }
  });
});
