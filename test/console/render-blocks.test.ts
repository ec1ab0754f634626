import { describe, expect, it } from "vitest";
import { mrkdwnToText, renderBlocks } from "../../src/console/render-blocks.js";
import { actions, button, context, divider, fields, header, section } from "../../src/slack/blocks/limits.js";

describe("renderBlocks", () => {
  it("renders headers, sections, fields, context, dividers and buttons as text", () => {
    const rendered = renderBlocks([
      header("Candidate fit"),
      ...fields(["*Overall*\n72 / 100", "*Band*\nstrong"]),
      section("A *bold* and _italic_ word, `code`, <@U1> &amp; &lt;tags&gt;"),
      divider(),
      context("small print", "more"),
      actions([button("Share in channel", "share_answer", "{}")]),
    ]);
    expect(rendered.text).toBe(
      [
        "Candidate fit",
        "═════════════",
        "Overall                                Band",
        "72 / 100                               strong",
        "A bold and italic word, `code`, @U1 & <tags>",
        "─".repeat(40),
        "  small print · more",
        "[Share in channel]",
      ].join("\n"),
    );
    expect(rendered.buttons).toEqual([{ label: "Share in channel", actionId: "share_answer", value: "{}" }]);
  });

  it("numbers picker choices so they can be typed", () => {
    const rendered = renderBlocks([
      section("*Registered Nurses*\nonet", button("Choose", "choose_profile", '{"id":1}')),
      section("*Nursing Assistants*\nonet", button("Choose", "choose_profile", '{"id":2}')),
    ]);
    expect(rendered.text).toBe(" 1) Registered Nurses\n    onet\n 2) Nursing Assistants\n    onet");
    expect(rendered.choices.map((choice) => choice.value)).toEqual(['{"id":1}', '{"id":2}']);
  });

  it("shows preformatted text indented", () => {
    expect(mrkdwnToText({ type: "mrkdwn", text: "*Table*\n```\nA   B\n1   2\n```" })).toBe(
      "Table\n  A   B\n  1   2",
    );
  });
});
