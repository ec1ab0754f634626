/**
 * Builds the compact O*NET bundle the product ships in data/onet-23.0: every file the importer reads,
 * gzipped, with only the columns it reads (header names unchanged) and only the rows the mapping uses.
 *
 *   npx tsx scripts/build-onet-bundle.ts [source directory] [output directory]
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { domainOf, onetCredit } from "../src/adapters/onet/onet-to-framework.js";
import {
  ONET_FILES,
  type OnetFileSpec,
  type OnetTable,
  readOnetTable,
} from "../src/adapters/onet/read-onet-directory.js";

const VERSION = "23.0";
const DEFAULT_SOURCE = "/work/shared/data/onet-23.0";
const DEFAULT_OUTPUT = fileURLToPath(new URL(`../data/onet-${VERSION}/`, import.meta.url));

type Cell = (column: string) => string;

const RATED_SCALES = new Set(["IM", "LV"]);
const mappedRating = (cell: Cell) =>
  RATED_SCALES.has(cell("Scale ID")) && domainOf(cell("Element ID")) !== undefined;

/** Which rows each file keeps; files not listed keep every row. */
const KEEP_ROW: Partial<Record<keyof typeof ONET_FILES, (cell: Cell) => boolean>> = {
  skills: mappedRating,
  knowledge: mappedRating,
  workStyles: mappedRating,
  elements: (cell) => domainOf(cell("Element ID")) !== undefined,
  levelAnchors: (cell) => cell("Scale ID") === "LV" && domainOf(cell("Element ID")) !== undefined,
};

type Written = { file: string; columns: string[]; rows: number; bytes: number };

async function buildOnetBundle(source: string, output: string): Promise<Written[]> {
  await mkdir(output, { recursive: true });
  const written: Written[] = [];
  for (const key of Object.keys(ONET_FILES) as (keyof typeof ONET_FILES)[]) {
    const spec: OnetFileSpec = ONET_FILES[key];
    const table = await readOnetTable(source, spec);
    const keep = KEEP_ROW[key];
    const names = [...spec.required, ...spec.optional];
    const rows = keep
      ? table.rows.filter((row) => keep((column) => row[names.indexOf(column)] ?? ""))
      : table.rows;
    const { columns, text } = toText(table, rows);
    const gzipped = gzipSync(text, { level: 9 });
    await writeFile(join(output, `${spec.file}.gz`), gzipped);
    written.push({ file: `${spec.file}.gz`, columns, rows: rows.length, bytes: gzipped.length });
  }
  await writeFile(join(output, "README.md"), readme(written));
  return written;
}

/** The table as tab-separated text, leaving out optional columns the source did not have. */
function toText(table: OnetTable, rows: string[][]) {
  const present = table.columns.flatMap((column, index) => (column === null ? [] : [{ column, index }]));
  const lines = [
    present.map(({ column }) => column),
    ...rows.map((row) => present.map(({ index }) => row[index] ?? "")),
  ];
  return {
    columns: present.map(({ column }) => column),
    text: `${lines.map((line) => line.join("\t")).join("\n")}\n`,
  };
}

function count(value: number): string {
  return value.toLocaleString("en-US");
}

function readme(written: Written[]): string {
  const total = written.reduce((sum, file) => sum + file.bytes, 0);
  return `# O*NET ${VERSION} bundle (SOC 2010 taxonomy, August 2018)

The starter competency library (\`src/adapters/onet/starter-library.ts\`) is read from these files.
They are the O*NET ${VERSION} text files in the official tab-separated layout, gzipped, keeping only the
columns and rows the importer reads; values are unchanged. Rebuild with
\`npx tsx scripts/build-onet-bundle.ts <O*NET ${VERSION} text directory>\`.

${written.map((file) => `- \`${file.file}\`: ${count(file.rows)} rows, ${count(file.bytes)} bytes; columns ${file.columns.join(", ")}`).join("\n")}

Total: ${count(total)} bytes.

Rows left out: ratings on scales other than importance (IM) and level (LV), and content-model elements and
level anchors outside Work Styles (1.C), Skills (2.A, 2.B) and Knowledge (2.C).

Provenance: converted to text from public copies of the O*NET ${VERSION} spreadsheets published by the
U.S. Department of Labor, Employment and Training Administration; Knowledge.txt comes from a public
importance-only extract of the same taxonomy (Element IDs added from Content Model Reference).

## License

O*NET data is published by USDOL/ETA under the Creative Commons Attribution 4.0 International license
(https://creativecommons.org/licenses/by/4.0/). This credit is shown wherever the data is shown as a source:

> ${onetCredit(VERSION)}
`;
}

const [source = DEFAULT_SOURCE, output = DEFAULT_OUTPUT] = process.argv.slice(2);
const written = await buildOnetBundle(source, output);
for (const file of written) console.log(`${file.file}: ${file.rows} rows, ${file.bytes} bytes`);
console.log(`total ${written.reduce((sum, file) => sum + file.bytes, 0)} bytes in ${output}`);
