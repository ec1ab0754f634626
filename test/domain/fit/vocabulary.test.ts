import { describe, expect, it } from "vitest";
import { read, singular } from "../../../src/domain/fit/reading.js";
import { foldText, tokenize } from "../../../src/domain/fit/text.js";
import { VOCABULARY } from "../../../src/domain/fit/vocabulary.js";

const canonicalOf = (text: string): string[] =>
  read(text)
    .terms.filter((term) => term.kind === "equivalent")
    .map((term) => term.stem);

describe("the built-in vocabulary", () => {
  it("reads each way of writing a term as one meaning", () => {
    const seen = new Map<string, string>();
    for (const entry of VOCABULARY) {
      for (const alias of [entry.term, ...entry.aliases]) {
        const key = tokenize(foldText(alias), new Set())
          .map((token) => singular(token.norm))
          .join(" ");
        const earlier = seen.get(key);
        expect(
          earlier === undefined || earlier === entry.term,
          `"${alias}" means both ${earlier} and ${entry.term}`,
        ).toBe(true);
        seen.set(key, entry.term);
      }
    }
  });

  it("maps abbreviations and product names to their canonical term", () => {
    expect(canonicalOf("k8s")).toEqual(canonicalOf("kube"));
    expect(canonicalOf("Postgres")).toEqual(["postgresql"]);
    expect(canonicalOf("SFDC")).toEqual(canonicalOf("HubSpot"));
    expect(canonicalOf("ML engineer")).toEqual(["machin", "learn"]);
    expect(canonicalOf("PR agency")).toEqual(["public", "relat"]);
    expect(canonicalOf("EKS")).toEqual(canonicalOf("k8s"));
    expect(canonicalOf("Helm charts")).toEqual(canonicalOf("k8s"));
    expect(canonicalOf("A/B tests")).toEqual(canonicalOf("hypothesis testing"));
    expect(canonicalOf("gave vaccines")).toEqual(canonicalOf("injections"));
    expect(canonicalOf("medication rounds")).toEqual(canonicalOf("med pass"));
    expect(canonicalOf("secondary on-call rotation")).toEqual(canonicalOf("incident management"));
  });

  it("matches acronyms that are ordinary words only in capitals", () => {
    expect(canonicalOf("PR team")).toEqual(["public", "relat"]);
    expect(canonicalOf("it is a pr")).toEqual([]);
    expect(canonicalOf("the IT department")).toEqual(["inform", "technolog"]);
  });

  it("adds broader concepts with their source's position", () => {
    const reading = read("Deployed on k8s");
    const broader = reading.terms.filter((term) => term.kind === "broader" && term.stem === "devop");
    expect(broader).toHaveLength(1);
    expect(reading.tokens[broader[0]?.first ?? -1]?.norm).toBe("k8s");
  });
});
