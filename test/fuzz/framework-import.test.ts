import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { createLibraryRepository } from "../../src/adapters/db/library-repository.js";
import { parseFrameworkText } from "../../src/adapters/framework-file/read-framework-file.js";
import { AppError } from "../../src/domain/errors.js";
import { validateFrameworkDocument } from "../../src/domain/framework-file.js";
import { importFramework } from "../../src/services/import-framework.js";
import { LibraryProvider } from "../../src/services/library.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { mutated } from "./mutate.js";
import { CaseCount, tablesDigest } from "./support.js";

/**
 * Framework files: any document, any text, yields the framework or the list of its problems, never an
 * exception; an import that is refused leaves the store exactly as it was.
 */
const VALID = JSON.parse(readFileSync("examples/frameworks/acme.json", "utf8")) as Record<string, unknown>;
const LIBRARY_TABLES = ["Framework", "Competency", "JobProfile", "ProfileCompetency"];

/**
 * YAML that expands to gigabytes through aliases, and other hostile text. Nesting stays at a few hundred
 * levels: from about a thousand, the yaml parser overflows the stack, and the next YAML parsed in the
 * same process crashes it (docs/reliability.md, "Found by fuzzing").
 */
const HOSTILE = [
  `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]`,
  "framework: !!js/function 'function(){}'",
  "{".repeat(300),
  "[".repeat(300),
  `[${"1,".repeat(10_000)}1]`,
  '{"framework": "a", "framework": "b"}',
  "framework: x\nframework: y",
  "\uFEFF",
  "null",
  "--- |\n  text",
];

const documents = fc.oneof(mutated(VALID), mutated(VALID), fc.jsonValue(), fc.anything());

describe("framework validation", () => {
  it("answers any document with the framework or its problems", () => {
    const count = new CaseCount("framework documents");
    fc.assert(
      fc.property(documents, (document) => {
        const result = validateFrameworkDocument(document);
        count.note(result.ok ? "valid" : "refused");
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const problem of result.problems) expect(problem.message).toEqual(expect.any(String));
        }
      }),
      { numRuns: 5_000 },
    );
    count.report();
    expect(count.count("refused")).toBeGreaterThan(1_000);
  });

  it("answers any text, JSON or YAML, with a document or the syntax error", () => {
    const count = new CaseCount("framework text");
    const texts = fc.oneof(
      fc.string({ maxLength: 2_000 }),
      fc.string({ unit: "binary", maxLength: 500 }),
      fc.constantFrom(...HOSTILE),
      mutated(VALID).map((document) => JSON.stringify(document) ?? ""),
      mutated(VALID).map((document) => stringify(document) ?? ""),
      mutated(VALID).map((document) => (JSON.stringify(document) ?? "").slice(0, 200)),
    );
    fc.assert(
      fc.property(texts, fc.constantFrom("json" as const, "yaml" as const), (text, format) => {
        const parsed = parseFrameworkText(text, format);
        const result = parsed.ok ? validateFrameworkDocument(parsed.value) : parsed;
        count.note(result.ok ? "valid" : parsed.ok ? "refused" : "unreadable");
      }),
      { numRuns: 5_000 },
    );
    count.report();
  });
});

describe("importing a framework file", () => {
  let db: TestDatabase;
  let directory: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    directory = mkdtempSync(join(tmpdir(), "cb-fuzz-framework-"));
    const valid = validateFrameworkDocument(VALID);
    if (!valid.ok) throw new Error("examples/frameworks/acme.json is not valid");
    await createLibraryRepository(db.prisma).saveFramework(valid.framework);
  });
  afterAll(async () => {
    rmSync(directory, { recursive: true, force: true });
    await db?.dispose();
  });

  it("writes the whole framework, or nothing at all", async () => {
    const count = new CaseCount("framework imports");
    const repository = createLibraryRepository(db.prisma);
    const library = new LibraryProvider(repository);
    let file = 0;
    await fc.assert(
      fc.asyncProperty(mutated(VALID), fc.constantFrom("json", "yaml"), async (document, format) => {
        const path = join(directory, `f${++file}.${format}`);
        writeFileSync(path, format === "json" ? (JSON.stringify(document) ?? "") : stringify(document));
        const before = await tablesDigest(db.prisma, LIBRARY_TABLES);
        try {
          await importFramework({ repository, library, path });
          count.note("imported");
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).message).toMatch(/Nothing was written/);
          expect(await tablesDigest(db.prisma, LIBRARY_TABLES)).toBe(before);
          count.note("refused, store unchanged");
        }
      }),
      { numRuns: 200 },
    );
    count.report();
    expect(count.count("refused, store unchanged")).toBeGreaterThan(50);
  });
});
