/**
 * Reads a people file (docs/people-format.md), CSV or JSON, into rows for the format's validation.
 * Every failure comes back as problems with the line or path, never as an exception.
 */

import { basename, extname } from "node:path";
import { closestName } from "../../domain/closest-name.js";
import type { Problem } from "../../domain/framework-file.js";
import {
  PEOPLE_COLUMNS,
  PEOPLE_FILE_LIMITS,
  type PeopleColumn,
  type PeopleRow,
  RATING_COLUMNS,
  REQUIRED_PEOPLE_COLUMNS,
} from "../../domain/people-file.js";
import { parseFrameworkText } from "../framework-file/read-framework-file.js";
import { readLimitedText, tooLarge } from "../read-limited-text.js";

export type PeopleFileFormat = "csv" | "json";

export type PeopleRowsRead = { ok: true; rows: PeopleRow[] } | { ok: false; problems: Problem[] };

const FORMATS_BY_EXTENSION: Record<string, PeopleFileFormat> = { ".csv": "csv", ".json": "json" };
const PEOPLE_FILES = { bytes: PEOPLE_FILE_LIMITS.bytes, files: "people files" };

export async function readPeopleFile(path: string): Promise<PeopleRowsRead> {
  const name = basename(path);
  const format = FORMATS_BY_EXTENSION[extname(path).toLowerCase()];
  if (!format) return fail(`"${name}" is neither CSV nor JSON: the file name must end in .csv or .json`);
  const text = await readLimitedText(path, PEOPLE_FILES);
  if (!text.ok) return fail(text.problem);
  return parsePeopleText(text.value, format);
}

/** Parses a people file's text, as read from disk or uploaded to Slack. */
export function parsePeopleText(text: string, format: PeopleFileFormat): PeopleRowsRead {
  if (Buffer.byteLength(text, "utf8") > PEOPLE_FILE_LIMITS.bytes)
    return fail(tooLarge("the file", Buffer.byteLength(text), PEOPLE_FILES));
  const withoutByteOrderMark = text.startsWith("\uFEFF") ? text.slice(1) : text;
  if (withoutByteOrderMark.trim() === "") return fail("the file is empty");
  return format === "csv" ? csvRows(withoutByteOrderMark) : jsonRows(withoutByteOrderMark);
}

export type CsvRecord = { line: number; fields: string[] };

export type CsvParse = { ok: true; records: CsvRecord[] } | { ok: false; problem: Problem };

/**
 * RFC 4180: fields separated by commas, records by CRLF, LF or CR; a field in double quotes may hold
 * commas, line breaks and doubled quotes. Blank lines are skipped. Each record keeps the line it
 * starts on, for messages.
 */
export function parseCsv(text: string): CsvParse {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    const blank = fields.length === 1 && fields[0] === "";
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
  };
  while (i <= text.length) {
    if (text[i] === '"') {
      const quoteLine = line;
      let value = "";
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote < 0) {
          return {
            ok: false,
            problem: { path: `line ${quoteLine}`, message: "a quoted field is never closed" },
          };
        }
        const piece = text.slice(from, quote);
        line += countLineBreaks(piece);
        value += piece;
        if (text[quote + 1] === '"') {
          value += '"';
          from = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      const next = text[i];
      if (next !== undefined && next !== "," && next !== "\n" && next !== "\r") {
        return {
          ok: false,
          problem: {
            path: `line ${line}`,
            message: 'text follows a closing quote; a quote inside a quoted field is written twice ("")',
          },
        };
      }
      fields.push(value);
    } else {
      const end = nextDelimiter(text, i);
      const value = text.slice(i, end);
      if (value.includes('"')) {
        return {
          ok: false,
          problem: {
            path: `line ${line}`,
            message: 'a quote inside an unquoted field; quote the whole field and write the quote twice ("")',
          },
        };
      }
      fields.push(value);
      i = end;
    }
    const delimiter = text[i];
    if (delimiter === ",") {
      i += 1;
      continue;
    }
    endRecord();
    if (delimiter === undefined) break;
    i += delimiter === "\r" && text[i + 1] === "\n" ? 2 : 1;
    line += 1;
    recordLine = line;
    if (i === text.length) break;
  }
  return { ok: true, records };
}

function nextDelimiter(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // , \n \r
    if (c === 44 || c === 10 || c === 13) return i;
  }
  return text.length;
}

function countLineBreaks(text: string): number {
  let breaks = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) breaks += 1;
  }
  return breaks;
}

function csvRows(text: string): PeopleRowsRead {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
  const [header, ...records] = parsed.records;
  if (!header) return fail("the file is empty");
  const columns = readHeader(header);
  if (!columns.ok) return columns;
  const problems: Problem[] = [];
  const rows: PeopleRow[] = [];
  for (const record of records) {
    if (record.fields.length !== columns.names.length) {
      problems.push({
        path: `line ${record.line}`,
        message: `has ${record.fields.length} fields; the header has ${columns.names.length}`,
      });
      continue;
    }
    const cells: PeopleRow["cells"] = {};
    columns.names.forEach((column, index) => {
      cells[column] = record.fields[index];
    });
    rows.push({
      cells,
      where: `line ${record.line}`,
      at: (column) => `line ${record.line}, column "${column}"`,
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}

function readHeader(
  header: CsvRecord,
): { ok: true; names: PeopleColumn[] } | { ok: false; problems: Problem[] } {
  const path = `line ${header.line}`;
  const problems: Problem[] = [];
  const names: PeopleColumn[] = [];
  for (const field of header.fields) {
    const name = field.trim().toLowerCase();
    if (!isColumn(name)) {
      problems.push({ path, message: `${JSON.stringify(field)} is not a column${columnSuggestion(name)}` });
    } else if (names.includes(name)) {
      problems.push({ path, message: `column "${name}" appears twice` });
    } else names.push(name);
  }
  const missing = REQUIRED_PEOPLE_COLUMNS.filter((column) => !names.includes(column));
  const ratingColumns = RATING_COLUMNS.filter((column) => column !== "framework");
  if (ratingColumns.some((column) => names.includes(column))) {
    missing.push(...RATING_COLUMNS.filter((column) => !names.includes(column) && !missing.includes(column)));
  } else if (names.includes("current_profile") && !names.includes("framework")) missing.push("framework");
  if (missing.length > 0) {
    problems.push({ path, message: `the header lacks ${missing.map((column) => `"${column}"`).join(", ")}` });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, names };
}

function jsonRows(text: string): PeopleRowsRead {
  const parsed = parseFrameworkText(text, "json");
  if (!parsed.ok) return parsed;
  const document = parsed.value;
  if (!isObject(document) || !Array.isArray(document.rows)) {
    return fail('the file must be a JSON object with a "rows" array: {"rows": [{"email": …}, …]}');
  }
  const problems: Problem[] = [];
  for (const key of Object.keys(document)) {
    if (key !== "rows") problems.push({ path: key, message: 'is not a field; the file holds only "rows"' });
  }
  const rows: PeopleRow[] = [];
  document.rows.forEach((value: unknown, index: number) => {
    const where = `rows[${index}]`;
    if (!isObject(value)) {
      problems.push({ path: where, message: `${JSON.stringify(value)} is not an object` });
      return;
    }
    const cells: PeopleRow["cells"] = {};
    for (const [key, cell] of Object.entries(value)) {
      if (isColumn(key)) cells[key] = cell;
      else problems.push({ path: `${where}.${key}`, message: `is not a column${columnSuggestion(key)}` });
    }
    rows.push({ cells, where, at: (column) => `${where}.${column}` });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}

function isColumn(name: string): name is PeopleColumn {
  return (PEOPLE_COLUMNS as readonly string[]).includes(name);
}

function columnSuggestion(name: string): string {
  const close = closestName(name, PEOPLE_COLUMNS);
  return close ? ` (did you mean "${close}"?)` : `; the columns are ${PEOPLE_COLUMNS.join(", ")}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fail(message: string): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [{ path: "", message }] };
}
