/**
 * Reads an O*NET release directory in the official tab-separated text format: each file has a header
 * row, and columns are matched by name because later releases add, reorder and rename columns.
 * Every file may also be present gzipped as `<name>.txt.gz` (the compact bundle the product ships).
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";

export type OnetProgress = (stage: string, done: number, total: number) => void;

export type OnetOccupation = { code: string; title: string; description: string };
export type OnetAlternateTitle = { code: string; title: string; shortTitle: string };
/** One rating of one element for one occupation, such as Skills "IM" (importance) or "LV" (level). */
export type OnetRating = { code: string; elementId: string; scaleId: string; value: number };
export type OnetTechnology = {
  code: string;
  example: string;
  commodityCode: string;
  commodityTitle: string;
  hot: boolean;
};
export type OnetTask = { code: string; task: string; type: string };
export type OnetElement = { id: string; name: string; description: string };
export type OnetLevelAnchor = { elementId: string; scaleId: string; value: number; description: string };

export type OnetRelease = {
  occupations: OnetOccupation[];
  alternateTitles: OnetAlternateTitle[];
  skills: OnetRating[];
  knowledge: OnetRating[];
  workStyles: OnetRating[];
  technologySkills: OnetTechnology[];
  tasks: OnetTask[];
  elements: OnetElement[];
  levelAnchors: OnetLevelAnchor[];
};

/** A file of the release and the columns the importer reads from it; optional ones may be absent. */
export type OnetFileSpec = { file: string; required: readonly string[]; optional: readonly string[] };

const RATING_COLUMNS = ["O*NET-SOC Code", "Element ID", "Scale ID", "Data Value"] as const;

export const ONET_FILES = {
  occupations: {
    file: "Occupation Data.txt",
    required: ["O*NET-SOC Code", "Title", "Description"],
    optional: [],
  },
  alternateTitles: {
    file: "Alternate Titles.txt",
    required: ["O*NET-SOC Code", "Alternate Title"],
    optional: ["Short Title"],
  },
  skills: { file: "Skills.txt", required: RATING_COLUMNS, optional: [] },
  knowledge: { file: "Knowledge.txt", required: RATING_COLUMNS, optional: [] },
  workStyles: { file: "Work Styles.txt", required: RATING_COLUMNS, optional: [] },
  technologySkills: {
    file: "Technology Skills.txt",
    required: ["O*NET-SOC Code", "Example", "Commodity Code", "Commodity Title"],
    optional: ["Hot Technology"],
  },
  tasks: { file: "Task Statements.txt", required: ["O*NET-SOC Code", "Task"], optional: ["Task Type"] },
  elements: {
    file: "Content Model Reference.txt",
    required: ["Element ID", "Element Name", "Description"],
    optional: [],
  },
  levelAnchors: {
    file: "Level Scale Anchors.txt",
    required: ["Element ID", "Scale ID", "Anchor Value", "Anchor Description"],
    optional: [],
  },
} as const satisfies Record<keyof OnetRelease, OnetFileSpec>;

export class OnetFormatError extends Error {
  constructor(
    readonly code: "ONET_FILE_MISSING" | "ONET_COLUMN_MISSING" | "ONET_VALUE_INVALID",
    message: string,
  ) {
    super(message);
    this.name = "OnetFormatError";
  }
}

/**
 * A file's rows restricted to the spec's columns, in the spec's order (required, then optional).
 * `columns` holds each column's name as spelled in the file, or null for an absent optional column,
 * whose cells read as "".
 */
export type OnetTable = { file: string; columns: (string | null)[]; rows: string[][] };

export async function readOnetDirectory(
  directory: string,
  options: { onProgress?: OnetProgress } = {},
): Promise<OnetRelease> {
  const read = (spec: OnetFileSpec) => readOnetTable(directory, spec, options.onProgress);
  const [occupations, alternateTitles, skills, knowledge, workStyles, technology, tasks, elements, anchors] =
    await Promise.all([
      read(ONET_FILES.occupations),
      read(ONET_FILES.alternateTitles),
      read(ONET_FILES.skills),
      read(ONET_FILES.knowledge),
      read(ONET_FILES.workStyles),
      read(ONET_FILES.technologySkills),
      read(ONET_FILES.tasks),
      read(ONET_FILES.elements),
      read(ONET_FILES.levelAnchors),
    ]);
  return {
    occupations: occupations.rows.map(([code = "", title = "", description = ""]) => ({
      code,
      title,
      description,
    })),
    alternateTitles: alternateTitles.rows.map(([code = "", title = "", shortTitle = ""]) => ({
      code,
      title,
      shortTitle,
    })),
    skills: ratings(skills),
    knowledge: ratings(knowledge),
    workStyles: ratings(workStyles),
    technologySkills: technology.rows.map(
      ([code = "", example = "", commodityCode = "", commodityTitle = "", hot = ""]) => ({
        code,
        example,
        commodityCode,
        commodityTitle,
        hot: hot.toUpperCase() === "Y",
      }),
    ),
    tasks: tasks.rows.map(([code = "", task = "", type = ""]) => ({ code, task, type })),
    elements: elements.rows.map(([id = "", name = "", description = ""]) => ({ id, name, description })),
    levelAnchors: anchors.rows.map(([elementId = "", scaleId = "", value = "", description = ""], index) => ({
      elementId,
      scaleId,
      value: parseNumber(value, anchors, index, "Anchor Value"),
      description,
    })),
  };
}

/** Reads one file of the release, plain or gzipped, keeping only the spec's columns. */
export async function readOnetTable(
  directory: string,
  spec: OnetFileSpec,
  onProgress?: OnetProgress,
): Promise<OnetTable> {
  const { path, gzipped, size } = await locate(directory, spec.file);
  const source = createReadStream(path, { highWaterMark: 256 * 1024 });
  const text: Readable = gzipped ? source.pipe(createGunzip()) : source;
  source.on("error", (error) => text.destroy(error));
  text.setEncoding("utf8");

  const table: OnetTable = { file: spec.file, columns: [], rows: [] };
  let indexes: number[] | null = null;
  const takeLine = (raw: string) => {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (indexes === null) {
      indexes = columnIndexes(spec, line.replace(/^\uFEFF/, "").split("\t"), table);
      return;
    }
    if (line.length === 0) return;
    const cells = line.split("\t");
    table.rows.push(indexes.map((index) => (index === -1 ? "" : (cells[index] ?? "").trim())));
  };

  let pending = "";
  try {
    for await (const chunk of text as AsyncIterable<string>) {
      const buffer = pending + chunk;
      let start = 0;
      for (let end = buffer.indexOf("\n"); end !== -1; end = buffer.indexOf("\n", start)) {
        takeLine(buffer.slice(start, end));
        start = end + 1;
      }
      pending = buffer.slice(start);
      onProgress?.(spec.file, source.bytesRead, size);
    }
  } finally {
    source.destroy();
  }
  if (pending.length > 0) takeLine(pending);
  if (indexes === null) {
    throw new OnetFormatError(
      "ONET_COLUMN_MISSING",
      `O*NET file "${spec.file}" in ${directory} is empty: no header row.`,
    );
  }
  onProgress?.(spec.file, size, size);
  return table;
}

async function locate(directory: string, file: string) {
  for (const [path, gzipped] of [
    [join(directory, file), false],
    [join(directory, `${file}.gz`), true],
  ] as const) {
    const found = await stat(path).catch(() => null);
    if (found?.isFile()) return { path, gzipped, size: found.size };
  }
  throw new OnetFormatError(
    "ONET_FILE_MISSING",
    `O*NET file "${file}" not found in ${directory} (looked for "${file}" and "${file}.gz").`,
  );
}

/** Finds each spec column in the header by name (trimmed, case-insensitive); -1 for an absent optional one. */
function columnIndexes(spec: OnetFileSpec, header: string[], table: OnetTable): number[] {
  const byName = new Map(header.map((name, index) => [name.trim().toLowerCase(), index]));
  const missing = spec.required.filter((name) => !byName.has(name.toLowerCase()));
  if (missing.length > 0) {
    throw new OnetFormatError(
      "ONET_COLUMN_MISSING",
      `O*NET file "${spec.file}" has no column ${missing.map((name) => `"${name}"`).join(", ")}; ` +
        `columns found: ${header.map((name) => `"${name.trim()}"`).join(", ")}.`,
    );
  }
  const indexes = [...spec.required, ...spec.optional].map((name) => byName.get(name.toLowerCase()) ?? -1);
  table.columns = indexes.map((index) => (index === -1 ? null : (header[index] ?? "").trim()));
  return indexes;
}

function ratings(table: OnetTable): OnetRating[] {
  return table.rows.map(([code = "", elementId = "", scaleId = "", value = ""], index) => ({
    code,
    elementId,
    scaleId,
    value: parseNumber(value, table, index, "Data Value"),
  }));
}

function parseNumber(value: string, table: OnetTable, rowIndex: number, column: string): number {
  const number = Number(value);
  if (value === "" || !Number.isFinite(number)) {
    throw new OnetFormatError(
      "ONET_VALUE_INVALID",
      `O*NET file "${table.file}", data row ${rowIndex + 1}: "${column}" is "${value}", not a number.`,
    );
  }
  return number;
}
