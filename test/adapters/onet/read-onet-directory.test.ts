import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { OnetFormatError, readOnetDirectory } from "../../../src/adapters/onet/read-onet-directory.js";

/** Every file with its columns reordered and an extra column the importer does not know. */
const REORDERED = fileURLToPath(new URL("../../fixtures/onet/reordered/", import.meta.url));

const scratchDirectories: string[] = [];

async function copyOfFixture(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), "onet-"));
  scratchDirectories.push(directory);
  await cp(REORDERED, directory, { recursive: true });
  return directory;
}

afterEach(async () => {
  await Promise.all(
    scratchDirectories.splice(0).map((directory) => rm(directory, { recursive: true, force: true })),
  );
});

describe("readOnetDirectory", () => {
  it("matches columns by name, whatever their order and whatever extra columns a release adds", async () => {
    const release = await readOnetDirectory(REORDERED);

    expect(release.occupations[0]).toEqual({
      code: "11-2021.00",
      title: "Marketing Managers",
      description: "Plan, direct, or coordinate marketing policies and programs.",
    });
    expect(release.skills).toContainEqual({
      code: "11-2021.00",
      elementId: "2.A.1.d",
      scaleId: "LV",
      value: 4.75,
    });
    expect(release.knowledge).toContainEqual({
      code: "11-2021.00",
      elementId: "2.C.1.d",
      scaleId: "IM",
      value: 4.75,
    });
    expect(release.workStyles).toContainEqual({
      code: "15-1132.00",
      elementId: "1.C.5.b",
      scaleId: "IM",
      value: 4.1,
    });
    expect(release.alternateTitles).toContainEqual({
      code: "11-2021.00",
      title: "Chief Marketing Officer",
      shortTitle: "CMO",
    });
    expect(release.technologySkills).toEqual([
      {
        code: "11-2021.00",
        example: "Microsoft Excel",
        commodityCode: "43232110",
        commodityTitle: "Spreadsheet software",
        hot: true,
      },
      {
        code: "15-1132.00",
        example: "Git",
        commodityCode: "43232402",
        commodityTitle: "Program testing software",
        hot: false,
      },
    ]);
    expect(release.tasks[0]).toEqual({
      code: "11-2021.00",
      task: "Negotiate contracts with vendors.",
      type: "Supplemental",
    });
    expect(release.elements).toContainEqual({
      id: "2.A.1.d",
      name: "Speaking",
      description: "Talking to others to convey information effectively.",
    });
    expect(release.levelAnchors[2]).toEqual({
      elementId: "2.A.1.d",
      scaleId: "LV",
      value: 6,
      description: "Argue a legal case before the Supreme Court",
    });
  });

  it("reads gzipped files exactly as plain ones", async () => {
    const directory = await copyOfFixture();
    for (const file of await readdir(directory)) {
      await writeFile(join(directory, `${file}.gz`), gzipSync(await readFile(join(directory, file))));
      await rm(join(directory, file));
    }

    expect((await readdir(directory)).every((file) => file.endsWith(".txt.gz"))).toBe(true);
    expect(await readOnetDirectory(directory)).toEqual(await readOnetDirectory(REORDERED));
  });

  it("tolerates Windows line endings, a byte-order mark and a missing final newline", async () => {
    const directory = await copyOfFixture();
    const path = join(directory, "Occupation Data.txt");
    const text = await readFile(path, "utf8");
    await writeFile(path, `\uFEFF${text.trimEnd().replaceAll("\n", "\r\n")}`);

    expect((await readOnetDirectory(directory)).occupations).toEqual(
      (await readOnetDirectory(REORDERED)).occupations,
    );
  });

  it("names the file and the columns it found when a required column is missing", async () => {
    const directory = await copyOfFixture();
    const path = join(directory, "Skills.txt");
    await writeFile(path, (await readFile(path, "utf8")).replace("Scale ID", "Scale"));

    const failure = readOnetDirectory(directory);

    await expect(failure).rejects.toBeInstanceOf(OnetFormatError);
    await expect(failure).rejects.toMatchObject({ code: "ONET_COLUMN_MISSING" });
    await expect(failure).rejects.toThrow(
      'O*NET file "Skills.txt" has no column "Scale ID"; columns found: "Scale", "Data Value", "Element ID", ' +
        '"O*NET-SOC Code", "Element Name", "N", "Not Relevant".',
    );
  });

  it("names the missing file and both names it looked for", async () => {
    const directory = await copyOfFixture();
    await rm(join(directory, "Knowledge.txt"));

    const failure = readOnetDirectory(directory);

    await expect(failure).rejects.toMatchObject({ code: "ONET_FILE_MISSING" });
    await expect(failure).rejects.toThrow(/"Knowledge\.txt" not found .*"Knowledge\.txt\.gz"/);
  });

  it("reads a release without an optional column, such as Hot Technology", async () => {
    const directory = await copyOfFixture();
    const path = join(directory, "Technology Skills.txt");
    const lines = (await readFile(path, "utf8")).trimEnd().split("\n");
    await writeFile(path, lines.map((line) => line.split("\t").slice(0, 5).join("\t")).join("\n"));

    const release = await readOnetDirectory(directory);

    expect(release.technologySkills.map((row) => [row.example, row.hot])).toEqual([
      ["Microsoft Excel", false],
      ["Git", false],
    ]);
  });

  it("rejects a rating that is not a number, naming file, row and column", async () => {
    const directory = await copyOfFixture();
    const path = join(directory, "Work Styles.txt");
    await writeFile(path, (await readFile(path, "utf8")).replace("4.53", "n/a"));

    await expect(readOnetDirectory(directory)).rejects.toThrow(
      'O*NET file "Work Styles.txt", data row 1: "Data Value" is "n/a", not a number.',
    );
  });

  it("reports progress for every file until it is fully read", async () => {
    const finished = new Set<string>();
    await readOnetDirectory(REORDERED, {
      onProgress: (stage, done, total) => {
        if (done === total) finished.add(stage);
      },
    });

    expect([...finished].sort()).toEqual([
      "Alternate Titles.txt",
      "Content Model Reference.txt",
      "Knowledge.txt",
      "Level Scale Anchors.txt",
      "Occupation Data.txt",
      "Skills.txt",
      "Task Statements.txt",
      "Technology Skills.txt",
      "Work Styles.txt",
    ]);
  });
});
