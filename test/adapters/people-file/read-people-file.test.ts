import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import {
  type PeopleRowsRead,
  parseCsv,
  parsePeopleText,
  readPeopleFile,
} from "../../../src/adapters/people-file/read-people-file.js";
import { formatProblem } from "../../../src/domain/framework-file.js";
import { validatePeopleRows } from "../../../src/domain/people-file.js";

const HEADER = "email,name,slack_user_id,current_profile,framework,competency,level,source,rated_at";

function problems(read: PeopleRowsRead): string[] {
  return read.ok ? [] : read.problems.map(formatProblem);
}

function cellsOf(read: PeopleRowsRead) {
  if (!read.ok) throw new Error(problems(read).join("\n"));
  return read.rows.map((row) => row.cells);
}

describe("parseCsv", () => {
  it("reads quoted fields holding commas, doubled quotes and line breaks", () => {
    const parsed = parseCsv('a,"b, c","say ""hi"""\r\n"two\nlines",,x\n');
    expect(parsed).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ["a", "b, c", 'say "hi"'] },
        { line: 2, fields: ["two\nlines", "", "x"] },
      ],
    });
  });

  it("numbers records by the line they start on, skipping blank lines", () => {
    const parsed = parseCsv('h1,h2\n\n"x\r\ny",1\r\nlast,2');
    expect(parsed.ok && parsed.records.map((record) => record.line)).toEqual([1, 3, 5]);
  });

  it("keeps an empty last field and accepts old Mac line ends", () => {
    expect(parseCsv("a,\rb,c")).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ["a", ""] },
        { line: 2, fields: ["b", "c"] },
      ],
    });
  });

  it("says where a quote is misplaced or never closed", () => {
    expect(parseCsv('a,b\nc,"d" e\n')).toEqual({
      ok: false,
      problem: {
        path: "line 2",
        message: 'text follows a closing quote; a quote inside a quoted field is written twice ("")',
      },
    });
    expect(parseCsv('a,b\nc,d"e\n')).toMatchObject({ ok: false, problem: { path: "line 2" } });
    expect(parseCsv('a,b\nc,"d\n\ne\n')).toEqual({
      ok: false,
      problem: { path: "line 2", message: "a quoted field is never closed" },
    });
  });

  it("reads back any table written by RFC 4180's rules", () => {
    const field = fc.string({ unit: fc.constantFrom("a", "é", " ", ",", '"', "\n", "\r\n", "x") });
    const table = fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(table, (rows) => {
        const text = rows
          .map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(","))
          .join("\r\n");
        const parsed = parseCsv(text);
        expect(parsed.ok && parsed.records.map((record) => record.fields)).toEqual(rows);
      }),
    );
  });
});

describe("people CSV", () => {
  it("maps cells to columns by the header, in any order and case, after a byte order mark", () => {
    const read = parsePeopleText("\uFEFFName, EMAIL\nAnn Lee,ann@example.com\n", "csv");
    expect(cellsOf(read)).toEqual([{ name: "Ann Lee", email: "ann@example.com" }]);
  });

  it("says where each cell is: line and column", () => {
    const read = parsePeopleText(
      `${HEADER}\nann@example.com,Ann,,,acme,"Negotiaton",3,manager,2026-01-10\n`,
      "csv",
    );
    if (!read.ok) throw new Error("unreadable");
    const vocabulary = { frameworks: [{ name: "acme", competencies: ["Negotiation"], profiles: [] }] };
    const validation = validatePeopleRows(read.rows, vocabulary, new Date("2026-11-28"));
    expect(!validation.ok && validation.problems.map(formatProblem)).toEqual([
      'line 2, column "competency": "Negotiaton" is not a competency of framework acme (did you mean "Negotiation"?)',
    ]);
  });

  it("reports header problems: unknown, repeated and missing columns", () => {
    expect(problems(parsePeopleText("email,name,competancy,name\n", "csv"))).toEqual([
      'line 1: "competancy" is not a column (did you mean "competency"?)',
      'line 1: column "name" appears twice',
    ]);
    expect(problems(parsePeopleText("name,competency,level\n", "csv"))).toEqual([
      'line 1: the header lacks "email", "framework", "source", "rated_at"',
    ]);
  });

  it("reports rows whose field count differs from the header's", () => {
    expect(problems(parsePeopleText("email,name\na@example.com,A,extra\nb@example.com\n", "csv"))).toEqual([
      "line 2: has 3 fields; the header has 2",
      "line 3: has 1 fields; the header has 2",
    ]);
  });

  it("refuses an empty file", () => {
    expect(problems(parsePeopleText("\uFEFF\n\n", "csv"))).toEqual(["the file is empty"]);
  });
});

describe("people JSON", () => {
  it("reads the rows array with the CSV's column names", () => {
    const read = parsePeopleText(
      '{"rows": [{"email": "ann@example.com", "name": "Ann", "level": 3}]}',
      "json",
    );
    expect(cellsOf(read)).toEqual([{ email: "ann@example.com", name: "Ann", level: 3 }]);
    if (read.ok) expect(read.rows[0]?.at("level")).toBe("rows[0].level");
  });

  it("reports unknown fields and rows that are not objects, by path", () => {
    const read = parsePeopleText(
      '{"rows": [{"email": "a@example.com", "competancy": "x"}, 7], "people": []}',
      "json",
    );
    expect(problems(read)).toEqual([
      'people: is not a field; the file holds only "rows"',
      'rows[0].competancy: is not a column (did you mean "competency"?)',
      "rows[1]: 7 is not an object",
    ]);
  });

  it("explains the expected shape and where JSON syntax breaks", () => {
    expect(problems(parsePeopleText('[{"email": "a@example.com"}]', "json"))).toEqual([
      'the file must be a JSON object with a "rows" array: {"rows": [{"email": …}, …]}',
    ]);
    expect(problems(parsePeopleText('{"rows": [\n  {"email" "x"}\n]}', "json"))[0]).toMatch(
      /^not valid JSON at line 2, column \d+/,
    );
  });
});

describe("readPeopleFile", () => {
  const directory = mkdtempSync(join(tmpdir(), "people-file-"));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it("reads the example files, which hold the same rows", async () => {
    const csv = await readPeopleFile("examples/people.csv");
    const json = await readPeopleFile("examples/people.json");
    const normalized = (read: PeopleRowsRead) =>
      cellsOf(read).map((cells) =>
        Object.fromEntries(
          Object.entries(cells)
            .map(([key, value]) => [key, value === null || value === undefined ? "" : String(value)])
            .filter(([, value]) => value !== ""),
        ),
      );
    expect(normalized(csv)).toHaveLength(36);
    expect(normalized(json)).toEqual(normalized(csv));
  });

  it("refuses other extensions, missing files and files over 10 MB", async () => {
    expect(problems(await readPeopleFile("people.xlsx"))).toEqual([
      '"people.xlsx" is neither CSV nor JSON: the file name must end in .csv or .json',
    ]);
    expect(problems(await readPeopleFile(join(directory, "missing.csv")))).toEqual([
      `file not found: ${join(directory, "missing.csv")}`,
    ]);
    const big = join(directory, "big.csv");
    writeFileSync(big, `email,name\n${"a@example.com,A\n".repeat(700_000)}`);
    expect(problems(await readPeopleFile(big))).toEqual([
      '"big.csv" is 10.7 MB; people files are limited to 10 MB',
    ]);
  });
});
