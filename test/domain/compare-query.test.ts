import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCompareQuery } from "../../src/domain/compare-query.js";
import { AppError } from "../../src/domain/errors.js";

describe("parseCompareQuery", () => {
  it.each([
    ["Marketing Manager vs Media Relations Specialist", ["Marketing Manager", "Media Relations Specialist"]],
    ["marketing manager VS. pr specialist", ["marketing manager", "pr specialist"]],
    [
      "Sales, Marketing Manager | Media Relations Specialist",
      ["Sales, Marketing Manager", "Media Relations Specialist"],
    ],
    ['"Sales, Marketing Manager" "Chief Executives"', ["Sales, Marketing Manager", "Chief Executives"]],
    ['"Sales, Marketing Manager" vs "Chief Executives"', ["Sales, Marketing Manager", "Chief Executives"]],
    ["Nurse versus Doctor", ["Nurse", "Doctor"]],
  ])("%s", (text, expected) => {
    expect(parseCompareQuery(text)).toEqual(expected);
  });

  it.each(["Marketing Manager", "", " vs Nurse", "A vs B vs C", "A | "])(
    "refuses %j with an example of the form",
    (text) => {
      expect(() => parseCompareQuery(text)).toThrow(/separated by " vs "/);
    },
  );

  it("answers any text with two titles or an INVALID_INPUT error", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        try {
          const [a, b] = parseCompareQuery(text);
          expect(a.length > 0 && b.length > 0).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).code).toBe("INVALID_INPUT");
        }
      }),
    );
  });
});
