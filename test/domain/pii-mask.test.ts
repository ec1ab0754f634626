import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countMasked, cutMasked, maskPii, originalRangeOf } from "../../src/domain/pii-mask.js";

const mask = (text: string, names = false) => maskPii(text, { names }).text;

describe("maskPii", () => {
  it("replaces e-mail addresses, numbering each distinct one", () => {
    expect(
      mask(
        "Write to jane.doe+jobs@mail.example.co.uk or ops@acme.io; again jane.doe+jobs@mail.example.co.uk.",
      ),
    ).toBe("Write to [EMAIL_1] or [EMAIL_2]; again [EMAIL_1].");
  });

  it.each([
    ["+1 (415) 555-0100", "US, international"],
    ["(415) 555-0100", "US, brackets"],
    ["415.555.0100", "US, dots"],
    ["+44 20 7946 0958", "UK"],
    ["0049 30 1234567", "German, 00 prefix"],
    ["+33 6 12 34 56 78", "French, international"],
    ["555-0100", "seven-digit local"],
  ])("replaces the phone number %s (%s)", (number) => {
    expect(mask(`Call ${number} today.`)).toBe("Call [PHONE_1] today.");
  });

  it("keeps the years next to a phone number out of it", () => {
    expect(mask("Phone +44 20 7946 0958 2015-2019 Acme")).toBe("Phone [PHONE_1] 2015-2019 Acme");
    expect(mask("2015-2019 020 7946 0958")).toBe("2015-2019 [PHONE_1]");
  });

  it("replaces any number after a phone label", () => {
    expect(mask("Mobile: 06 12 34 56 78")).toBe("Mobile: [PHONE_1]");
    expect(mask("Tel. 0100 2000")).toBe("Tel. [PHONE_1]");
  });

  it("leaves years, date ranges, dates, versions and amounts alone", () => {
    const text =
      "2015 - 2019 at Acme, 2019-2021 at Initech, 2012 2015 2019; from 2019-03-15 to 03/15/2021; Python 3.10.12; " +
      "budget 1,200,000; IP 10.0.0.1; 40 Sales Reps; Engineering 5 teams; grew 12% in Q3 2020.";
    expect(mask(text)).toBe(text);
  });

  it.each([
    ["221B Baker Street, London NW1 6XE"],
    ["1600 Pennsylvania Avenue NW, Washington, DC 20500"],
    ["350 5th Ave, Suite 3400, New York, NY 10118"],
    ["12 Elm Rd."],
    ["Hauptstraße 5, 10115 Berlin"],
    ["Keizersgracht 123a"],
    ["12 rue de la Paix"],
    ["P.O. Box 42"],
  ])("replaces the street address %s", (address) => {
    expect(mask(`Lives at ${address}; relocating.`)).toBe("Lives at [ADDRESS_1]; relocating.");
  });

  it("keeps names unless asked to mask them", () => {
    expect(mask("Jane Doe — backend engineer. Jane led 12 engineers.")).toBe(
      "Jane Doe — backend engineer. Jane led 12 engineers.",
    );
  });

  it("masks names found by context, and their later mentions, with one placeholder per person", () => {
    expect(mask("Jane Doe — backend engineer. Jane led 12 engineers; Doe's team shipped weekly.", true)).toBe(
      "[NAME_1] — backend engineer. [NAME_1] led 12 engineers; [NAME_1]'s team shipped weekly.",
    );
    expect(mask("Jane Doe is a nurse.", true)).toBe("[NAME_1] is a nurse.");
    expect(mask("Referred by Dr. Alan Turing. Candidate: Grace Hopper. Grace mentors.", true)).toBe(
      "Referred by Dr. [NAME_1]. Candidate: [NAME_2]. [NAME_2] mentors.",
    );
  });

  it("does not take a job title that opens the text for a name", () => {
    const text = "Senior Software Engineer — 8 years of Go.\nProduct Manager: shipped payments.";
    expect(mask(text, true)).toBe(text);
  });

  it("counts what it masked", () => {
    const masked = maskPii("a@b.io, c@d.io, 415-555-0100, 12 Elm Street", { names: false });
    expect(countMasked(masked)).toEqual({ EMAIL: 2, PHONE: 1, ADDRESS: 1, NAME: 0 });
  });
});

describe("originalRangeOf", () => {
  const original = "Reach jane@x.io or 415-555-0100. Led the migration to Kafka.";
  const masked = maskPii(original, { names: false });

  it("maps ranges outside and around placeholders back to the original text", () => {
    const quote = "Led the migration to Kafka.";
    const at = masked.text.indexOf(quote);
    const range = originalRangeOf(masked, at, at + quote.length);
    expect(range && original.slice(range.start, range.end)).toBe(quote);

    const around = "Reach [EMAIL_1] or";
    const from = masked.text.indexOf(around);
    const mapped = originalRangeOf(masked, from, from + around.length);
    expect(mapped && original.slice(mapped.start, mapped.end)).toBe("Reach jane@x.io or");
  });

  it("refuses a range that cuts a placeholder in two", () => {
    const at = masked.text.indexOf("[EMAIL_1]");
    expect(originalRangeOf(masked, at + 2, at + 12)).toBeNull();
    expect(originalRangeOf(masked, 0, at + 3)).toBeNull();
  });
});

describe("masking round trip", () => {
  const piece = fc.constantFrom(
    "Led ",
    "the team ",
    "jane@example.com ",
    "+44 20 7946 0958 ",
    "12 Elm Street ",
    "Jane Doe ",
    "2015-2019 ",
    "\n",
    "Kafka, ",
  );

  it("puts every piece back where it was, and leaves no e-mail or phone number behind", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.boolean(), (pieces, names) => {
        const original = pieces.join("");
        const masked = maskPii(original, { names });
        expect(originalRangeOf(masked, 0, masked.text.length)).toEqual({ start: 0, end: original.length });
        let rebuilt = masked.text;
        for (const span of [...masked.spans].reverse()) {
          rebuilt =
            rebuilt.slice(0, span.maskedStart) +
            original.slice(span.start, span.end) +
            rebuilt.slice(span.maskedEnd);
        }
        expect(rebuilt).toBe(original);
        expect(masked.text).not.toMatch(/@|7946/);
      }),
    );
  });
});

describe("cutMasked", () => {
  it("cuts at a space and never inside a placeholder", () => {
    const masked = maskPii(`${"word ".repeat(20)}jane@example.com tail`, { names: false });
    const placeholderAt = masked.text.indexOf("[EMAIL_1]");
    const cut = cutMasked(masked, placeholderAt + 4);
    expect(cut).toBe("word ".repeat(20).trimEnd());
    expect(cutMasked(masked, 1_000)).toBe(masked.text);
  });
});
