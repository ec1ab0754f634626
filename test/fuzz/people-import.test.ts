import { readFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLibraryRepository } from "../../src/adapters/db/library-repository.js";
import { createPeopleRepository } from "../../src/adapters/db/people-repository.js";
import { readFrameworkFile } from "../../src/adapters/framework-file/read-framework-file.js";
import { parseCsv, parsePeopleText } from "../../src/adapters/people-file/read-people-file.js";
import { AppError } from "../../src/domain/errors.js";
import { type PeopleVocabulary, validatePeopleRows } from "../../src/domain/people-file.js";
import { importPeople } from "../../src/services/import-people.js";
import { SAMPLE_FRAMEWORK_FILE } from "../../src/services/load-starter-library.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { mutated } from "./mutate.js";
import { CaseCount, tablesDigest } from "./support.js";

/**
 * People files: any text yields the people or the list of problems, never an exception; an import that
 * is refused leaves the store exactly as it was.
 */
const NOW = new Date("2026-11-28T12:00:00Z");
const CSV = readFileSync("examples/people.csv", "utf8");
const JSON_FILE = JSON.parse(readFileSync("examples/people.json", "utf8")) as unknown;
const PEOPLE_TABLES = ["Person", "CompetencyRating"];

const parsed = parseCsv(CSV);
if (!parsed.ok) throw new Error("examples/people.csv does not parse");
const RECORDS = parsed.records.map((record) => record.fields);

const cellValues = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "not-an-email",
    "MAYA.CHEN@EXAMPLE.COM",
    "new.person@example.com",
    "U04MAYACHEN",
    "u04maya",
    "0",
    "6",
    "-1",
    "2.5",
    "2999-01-01",
    "2026-02-30",
    "yesterday",
    "self",
    "boss",
    "Unknown Competency",
    "Marketing Manager",
    "unknown-framework",
    '"',
    "a,b",
    "line\nbreak",
    "=cmd|' /C calc'!A0",
    "x".repeat(300),
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 12 }),
);

type CsvMutation =
  | { kind: "cell"; row: number; column: number; value: string }
  | { kind: "dropRow" | "duplicateRow"; row: number }
  | { kind: "dropColumn" | "renameColumn"; column: number; value: string }
  | { kind: "truncate"; at: number }
  | { kind: "rawQuote"; row: number };

const csvMutation: fc.Arbitrary<CsvMutation> = fc.oneof(
  fc.record({ kind: fc.constant("cell" as const), row: fc.nat(), column: fc.nat(), value: cellValues }),
  fc.record({ kind: fc.constantFrom("dropRow" as const, "duplicateRow" as const), row: fc.nat() }),
  fc.record({
    kind: fc.constantFrom("dropColumn" as const, "renameColumn" as const),
    column: fc.nat(),
    value: cellValues,
  }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("rawQuote" as const), row: fc.nat() }),
);

const quoteCell = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

function mutateCsv(mutations: CsvMutation[]): string {
  let rows = RECORDS.map((fields) => [...fields]);
  let raw: number | null = null;
  let truncateAt: number | null = null;
  for (const m of mutations) {
    const width = rows[0]?.length ?? 1;
    if (m.kind === "cell") {
      const row = rows[m.row % rows.length];
      if (row) row[m.column % width] = m.value;
    } else if (m.kind === "dropRow" && rows.length > 1) rows.splice(1 + (m.row % (rows.length - 1)), 1);
    else if (m.kind === "duplicateRow") rows.push([...(rows[m.row % rows.length] ?? [])]);
    else if (m.kind === "dropColumn")
      rows = rows.map((fields) => fields.filter((_, i) => i !== m.column % width));
    else if (m.kind === "renameColumn" && rows[0]) rows[0][m.column % width] = m.value;
    else if (m.kind === "truncate") truncateAt = m.at;
    else if (m.kind === "rawQuote") raw = m.row % rows.length;
  }
  const text = rows
    .map((fields, index) => (index === raw ? `"${fields.join(",")}` : fields.map(quoteCell).join(",")))
    .join("\n");
  return truncateAt === null ? text : text.slice(0, truncateAt % (text.length + 1));
}

const peopleFiles = fc.oneof(
  fc
    .array(csvMutation, { minLength: 0, maxLength: 4 })
    .map((m) => ({ text: mutateCsv(m), format: "csv" as const })),
  fc
    .array(csvMutation, { minLength: 1, maxLength: 4 })
    .map((m) => ({ text: mutateCsv(m), format: "csv" as const })),
  mutated(JSON_FILE).map((document) => ({ text: JSON.stringify(document) ?? "", format: "json" as const })),
);

let db: TestDatabase;
let vocabulary: PeopleVocabulary;

beforeAll(async () => {
  db = await createTestDatabase();
  const sample = await readFrameworkFile(SAMPLE_FRAMEWORK_FILE);
  if (!sample.ok) throw new Error("the sample framework does not load");
  await createLibraryRepository(db.prisma).saveFramework(sample.framework);
  const people = createPeopleRepository(db.prisma);
  await importPeople({ people, clock: () => NOW }, { name: "people.csv", text: CSV, format: "csv" });
  vocabulary = await people.loadVocabulary();
});
afterAll(async () => {
  await db?.dispose();
});

describe("people file validation", () => {
  it("answers any text with the people or their problems", () => {
    const count = new CaseCount("people text");
    const texts = fc.oneof(
      peopleFiles,
      fc.record({
        text: fc.oneof(fc.string({ maxLength: 2_000 }), fc.string({ unit: "binary", maxLength: 300 })),
        format: fc.constantFrom("csv" as const, "json" as const),
      }),
    );
    fc.assert(
      fc.property(texts, ({ text, format }) => {
        const read = parsePeopleText(text, format);
        const result = read.ok ? validatePeopleRows(read.rows, vocabulary, NOW) : read;
        count.note(result.ok ? "valid" : read.ok ? "refused" : "unreadable");
        if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 5_000 },
    );
    count.report();
  });
});

describe("importing a people file", () => {
  it("writes every person and rating, or nothing at all", async () => {
    const count = new CaseCount("people imports");
    const people = createPeopleRepository(db.prisma);
    await fc.assert(
      fc.asyncProperty(peopleFiles, async ({ text, format }) => {
        const before = await tablesDigest(db.prisma, PEOPLE_TABLES);
        try {
          await importPeople({ people, clock: () => NOW }, { name: `people.${format}`, text, format });
          count.note("imported");
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).message).toMatch(/Nothing was written/);
          expect(await tablesDigest(db.prisma, PEOPLE_TABLES)).toBe(before);
          count.note("refused, store unchanged");
        }
      }),
      { numRuns: 300 },
    );
    count.report();
    expect(count.count("refused, store unchanged")).toBeGreaterThan(100);
  });
});
