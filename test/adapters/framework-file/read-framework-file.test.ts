import { mkdir, mkdtemp, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  MAX_FRAMEWORK_FILE_BYTES,
  parseFrameworkText,
  readFrameworkFile,
} from "../../../src/adapters/framework-file/read-framework-file.js";
import { type FrameworkValidation, formatProblem } from "../../../src/domain/framework-file.js";
import type { FrameworkDefinition } from "../../../src/domain/library.js";

const repository = fileURLToPath(new URL("../../../", import.meta.url));
const samplePath = join(repository, "data/frameworks/sample.yaml");
const examplePath = join(repository, "examples/frameworks/acme.json");

const validYaml = `framework: acme-2026
description: Acme's competency library
competencies:
  - name: Media Relations
    kind: technical
    category: Communications
    definition: Builds and manages relationships with journalists.
    indicators:
      1: Maintains media lists.
      5: Shapes the media relations strategy.
profiles:
  - title: Media Relations Specialist
    family: Marketing
    code: MKT-07
    alternateTitles: [PR Specialist]
    competencies:
      - { name: Media Relations, level: 4, importance: 5, essential: true }
`;

let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "framework-file-"));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function fileWith(name: string, content: string): Promise<string> {
  const path = join(directory, name);
  await writeFile(path, content);
  return path;
}

function frameworkOf(result: FrameworkValidation): FrameworkDefinition {
  if (!result.ok)
    throw new Error(`expected a valid file, got:\n${result.problems.map(formatProblem).join("\n")}`);
  return result.framework;
}

function problemsOf(result: FrameworkValidation): string[] {
  if (result.ok) throw new Error("expected problems, but the file is valid");
  return result.problems.map(formatProblem);
}

describe("readFrameworkFile", () => {
  it("reads a YAML framework", async () => {
    const framework = frameworkOf(await readFrameworkFile(await fileWith("acme.yaml", validYaml)));

    expect(framework.name).toBe("acme-2026");
    expect(framework.competencies[0]).toMatchObject({
      name: "Media Relations",
      kind: "TECHNICAL",
      indicators: { "1": "Maintains media lists.", "5": "Shapes the media relations strategy." },
    });
    expect(framework.profiles[0]).toMatchObject({
      title: "Media Relations Specialist",
      alternateTitles: ["PR Specialist"],
      competencies: [
        { competency: "Media Relations", level: 4, importance: 5, essential: true, examples: [] },
      ],
    });
  });

  it("reads the same framework written as JSON, by either extension's case, with a byte order mark", async () => {
    const fromYaml = frameworkOf(await readFrameworkFile(await fileWith("same.yml", validYaml)));
    const json = `\uFEFF${JSON.stringify(parseYamlValue(validYaml), null, 2)}`;

    expect(frameworkOf(await readFrameworkFile(await fileWith("same.JSON", json)))).toEqual(fromYaml);
  });

  it("reads the JSON example in examples/frameworks", async () => {
    const framework = frameworkOf(await readFrameworkFile(examplePath));

    expect(framework.name).toBe("acme-2026");
    expect(framework.profiles.map((profile) => profile.title)).toEqual(["Media Relations Specialist"]);
  });

  describe("the sample framework", () => {
    const requirementsByKind = (framework: FrameworkDefinition, title: string) => {
      const kinds = new Map(framework.competencies.map((competency) => [competency.name, competency.kind]));
      const profile = framework.profiles.find((candidate) => candidate.title === title);
      if (!profile) throw new Error(`${title} is not in the sample`);
      const names = profile.competencies.map((requirement) => requirement.competency);
      return {
        general: names.filter((name) => kinds.get(name) === "GENERAL"),
        technical: names.filter((name) => kinds.get(name) === "TECHNICAL"),
      };
    };
    const shared = (one: string[], other: string[]) => one.filter((name) => other.includes(name));

    it("is valid, named sample and says it is a sample", async () => {
      const framework = frameworkOf(await readFrameworkFile(samplePath));

      expect(framework.name).toBe("sample");
      expect(framework.description).toMatch(/sample/i);
      expect(framework.profiles.map((profile) => profile.title)).toEqual([
        "Marketing Manager",
        "Media Relations Specialist",
        "Content Marketing Specialist",
        "Digital Marketing Analyst",
        "Communications Director",
      ]);
    });

    it("gives the Marketing Manager and the Media Relations Specialist nearly the same general competencies and different technical ones", async () => {
      const framework = frameworkOf(await readFrameworkFile(samplePath));
      const manager = requirementsByKind(framework, "Marketing Manager");
      const specialist = requirementsByKind(framework, "Media Relations Specialist");

      expect([manager.general.length, specialist.general.length]).toEqual([7, 7]);
      expect(shared(manager.general, specialist.general)).toHaveLength(6);
      expect(manager.general).toContain("Leadership");
      expect(specialist.general).not.toContain("Leadership");

      expect([manager.technical.length, specialist.technical.length]).toEqual([8, 8]);
      expect(shared(manager.technical, specialist.technical)).toEqual(["Content Strategy"]);
    });

    it("defines every competency with five behavioral indicators and gives every profile alternate titles", async () => {
      const framework = frameworkOf(await readFrameworkFile(samplePath));

      for (const competency of framework.competencies) {
        expect(competency.definition.length, competency.name).toBeGreaterThan(40);
        expect(Object.keys(competency.indicators), competency.name).toEqual(["1", "2", "3", "4", "5"]);
      }
      for (const profile of framework.profiles)
        expect(profile.alternateTitles.length, profile.title).toBeGreaterThan(1);
      expect(
        framework.profiles.find((profile) => profile.title === "Media Relations Specialist")?.alternateTitles,
      ).toEqual(expect.arrayContaining(["PR Specialist", "Public Relations Specialist", "Press Officer"]));
    });

    it("uses every competency it defines", async () => {
      const framework = frameworkOf(await readFrameworkFile(samplePath));
      const used = new Set(
        framework.profiles.flatMap((profile) => profile.competencies.map((r) => r.competency)),
      );

      expect(
        framework.competencies.map((competency) => competency.name).filter((name) => !used.has(name)),
      ).toEqual([]);
    });
  });

  describe("reports", () => {
    it("the format's problems with their paths", async () => {
      const path = await fileWith(
        "levels.yaml",
        validYaml.replace("level: 4", "level: 7").replace("family:", "salary: 1\n    family:"),
      );

      expect(problemsOf(await readFrameworkFile(path))).toEqual([
        "profiles[0].salary: unknown field",
        "profiles[0].competencies[0].level: 7 is not in 1–5",
      ]);
    });

    it("a missing file", async () => {
      const path = join(directory, "missing.yaml");

      expect(problemsOf(await readFrameworkFile(path))).toEqual([`file not found: ${path}`]);
    });

    it("a file that is neither JSON nor YAML by its extension", async () => {
      const path = await fileWith("acme.txt", validYaml);

      expect(problemsOf(await readFrameworkFile(path))).toEqual([
        '"acme.txt" is neither JSON nor YAML: the file name must end in .json, .yaml or .yml',
      ]);
    });

    it("a file over 10 MB", async () => {
      const path = await fileWith("huge.json", "");
      await truncate(path, MAX_FRAMEWORK_FILE_BYTES + 1);

      expect(problemsOf(await readFrameworkFile(path))).toEqual([
        '"huge.json" is 10.1 MB; framework files are limited to 10 MB',
      ]);
    });

    it("an empty file and a directory", async () => {
      expect(problemsOf(await readFrameworkFile(await fileWith("empty.yaml", "  \n")))).toEqual([
        '"empty.yaml" is empty',
      ]);
      const folder = join(directory, "folder.json");
      await mkdir(folder);
      expect(problemsOf(await readFrameworkFile(folder))).toEqual([
        '"folder.json" is a directory, not a file',
      ]);
    });

    it("broken YAML with its line and column", async () => {
      const path = await fileWith("broken.yaml", "framework: acme\ncompetencies: [one, two\nprofiles: []\n");

      expect(problemsOf(await readFrameworkFile(path))).toEqual([
        "not valid YAML at line 3, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]",
      ]);
    });

    it("broken JSON with its line and column", async () => {
      const path = await fileWith("broken.json", '{\n  "framework": "acme"\n  "profiles": []\n}\n');

      expect(problemsOf(await readFrameworkFile(path))).toEqual([
        "not valid JSON at line 3, column 3: Expected ',' or '}' after property value",
      ]);
    });
  });
});

describe("parseFrameworkText", () => {
  it("refuses YAML keys written twice", () => {
    expect(parseFrameworkText("framework: a\nframework: b\n", "yaml")).toEqual({
      ok: false,
      problems: [{ path: "", message: "not valid YAML at line 2, column 1: Map keys must be unique" }],
    });
  });

  it("refuses YAML tags, which could otherwise ask for objects other than plain data", () => {
    expect(parseFrameworkText("framework: !!js/function 'return 1'\n", "yaml")).toEqual({
      ok: false,
      problems: [
        {
          path: "",
          message:
            "not valid YAML at line 1, column 12: Unresolved tag: tag:yaml.org,2002:js/function (tags are not supported)",
        },
      ],
    });
  });

  it("refuses YAML that expands aliases without bound", () => {
    const aliases = Array.from({ length: 101 }, () => "*a").join(", ");

    expect(parseFrameworkText(`a: &a [x]\nb: [${aliases}]\n`, "yaml")).toEqual({
      ok: false,
      problems: [
        {
          path: "",
          message:
            "not valid YAML: Excessive alias count indicates a resource exhaustion attack (at most 100 aliases are allowed)",
        },
      ],
    });
  });

  it("reads YAML 1.1 booleans such as yes as text, for the format to refuse", () => {
    expect(parseFrameworkText("essential: yes\n", "yaml")).toEqual({ ok: true, value: { essential: "yes" } });
  });

  it("reports a JSON error without a position as the parser gives it", () => {
    expect(parseFrameworkText("", "json")).toEqual({
      ok: false,
      problems: [{ path: "", message: "not valid JSON: Unexpected end of JSON input" }],
    });
  });
});

function parseYamlValue(text: string): unknown {
  const parsed = parseFrameworkText(text, "yaml");
  if (!parsed.ok) throw new Error("test YAML does not parse");
  return parsed.value;
}

describe("deeply nested input", () => {
  it("is refused before parsing, and the next file still parses", () => {
    const deep = parseFrameworkText("[".repeat(1000), "yaml");
    expect(deep).toEqual({
      ok: false,
      problems: [{ path: "", message: "nested more than 64 levels deep; a framework file needs at most 4" }],
    });
    expect(parseFrameworkText("{".repeat(1000), "json").ok).toBe(false);
    expect(parseFrameworkText(`- don't\n- ${"[".repeat(1000)}`, "yaml").ok).toBe(false);
    expect(parseFrameworkText('framework: acme\nprofiles: [ { title: "[[[" } ]', "yaml")).toMatchObject({
      ok: true,
    });
  });
});
