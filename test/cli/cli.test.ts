import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppContext, openAppContext } from "../../src/app-context.js";
import { loadConfig } from "../../src/config.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { runCapturing } from "./run-cli.js";

describe("competency-bot command line on the starter library", () => {
  let database: TestDatabase;
  let context: AppContext;

  const run = (...args: string[]) => runWithStdin("", ...args);
  const runWithStdin = (stdin: string, ...args: string[]) => runCapturing(args, stdin, { context });

  beforeAll(async () => {
    database = await createTestDatabase();
    context = await openAppContext(loadConfig({ DATABASE_URL: database.url }));
  });
  afterAll(async () => {
    await context?.close();
    await database?.dispose();
  });

  it("loads the O*NET occupations and the sample framework on first start", async () => {
    const { code, stdout } = await run("frameworks", "--json");
    expect(code).toBe(0);
    const frameworks = JSON.parse(stdout) as { name: string; profileCount: number; source: string }[];
    expect(frameworks.map((f) => f.name)).toEqual(["onet", "sample"]);
    expect(frameworks[0]?.profileCount).toBeGreaterThan(950);
    expect(frameworks[0]?.source).toMatch(/CC BY 4\.0/);
  });

  it("shows a profile found through a typo, with its competencies by kind", async () => {
    const { code, stdout } = await run("profile", "Markting", "Manager");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Marketing Manager {2}\(sample/);
    expect(stdout).toMatch(
      /General competencies \(7\)[\s\S]*Communication[\s\S]*Technical competencies \(8\)/,
    );
  });

  it("finds an O*NET occupation by an abbreviation and credits the source", async () => {
    const { code, stdout } = await run("profile", "registered nurse", "--json");
    expect(code).toBe(0);
    const profile = JSON.parse(stdout) as {
      title: string;
      code: string;
      source: string;
      competencies: unknown[];
    };
    expect(profile).toMatchObject({ title: "Registered Nurses", code: "29-1141.00" });
    expect(profile.source).toMatch(/O\*NET 23\.0/);
    expect(profile.competencies.length).toBeGreaterThan(20);
  });

  it("offers the candidates instead of guessing when a title is ambiguous", async () => {
    const { code, stdout } = await run("profile", "PM");
    expect(code).toBe(3);
    expect(stdout).toMatch(/which one did you mean\?\n 1\. /);
  });

  it("compares the classic pair with the one-line summary on top", async () => {
    const { code, stdout } = await run("compare", "Marketing Manager", "vs", "Media Relations Specialist");
    expect(code).toBe(0);
    const [heading, summary] = stdout.split("\n");
    expect(heading).toBe("Marketing Manager [sample]  vs  Media Relations Specialist [sample]");
    expect(summary).toBe("General: 6 of 8 shared · Technical: 1 of 15 shared");
    expect(stdout).toMatch(/Only Marketing Manager: .*Leadership/);
  });

  it("compares titles that contain commas when separated by | or quotes", async () => {
    const piped = await run("compare", "Sales Managers | Marketing Managers", "--json");
    const quoted = await run("compare", '"Sales Managers" "Marketing Managers"', "--json");
    expect(piped.code).toBe(0);
    expect(JSON.parse(piped.stdout)).toEqual(JSON.parse(quoted.stdout));
    expect(JSON.parse(piped.stdout).general.shared.length).toBeGreaterThan(5);
  });

  it("refuses a compare without two titles and says how to write one", async () => {
    const { code, stderr } = await run("compare", "Marketing Manager");
    expect(code).toBe(2);
    expect(stderr).toMatch(/separated by " vs "/);
  });

  it("asks for the title or query a command is about", async () => {
    expect(await run("profile")).toMatchObject({ code: 2, stderr: "Give a job title.\n" });
    expect((await run("search", " ")).stderr).toBe("Give a search query.\n");
  });

  it("searches titles and alternate titles", async () => {
    const { code, stdout } = await run("search", "accountant", "--limit", "3", "--json");
    expect(code).toBe(0);
    const matches = JSON.parse(stdout) as { title: string }[];
    expect(matches).toHaveLength(3);
    expect(matches.map((m) => m.title)).toContain("Accountants");
  });

  it("reports every problem of an invalid framework file and writes nothing", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "cb-cli-")), "bad.yaml");
    writeFileSync(
      file,
      [
        "framework: acme",
        "description: broken",
        "competencies:",
        "  - { name: Negotiation, kind: soft, definition: Reaches agreements. }",
        "profiles:",
        "  - { title: Buyer, competencies: [ { name: Negotiation, level: 7, importance: 3 }, { name: Haggling, level: 2, importance: 2 } ] }",
      ].join("\n"),
    );
    const { code, stderr } = await run("import", "framework", file);
    expect(code).toBe(2);
    expect(stderr).toContain("3 problems found. Nothing was written.");
    expect(stderr).toContain('competencies[0].kind: "soft" is not general or technical');
    expect(stderr).toContain("profiles[0].competencies[0].level: 7 is not in 1–5");
    expect(stderr).toContain('profiles[0].competencies[1].name: "Haggling" is not defined in competencies');
    const frameworks = JSON.parse((await run("frameworks", "--json")).stdout) as { name: string }[];
    expect(frameworks.map((f) => f.name)).toEqual(["onet", "sample"]);
  });

  it("refuses an O*NET directory with a missing file, naming it", async () => {
    const { code, stderr } = await run("import", "onet", mkdtempSync(join(tmpdir(), "cb-empty-")));
    expect(code).toBe(2);
    expect(stderr).toMatch(/was not imported: O\*NET file "[A-Za-z ]+\.txt" not found/);
  });

  it("imports people, ranks successors for a role with bench strength, and reports a person's gaps", async () => {
    const imported = await run("import", "people", "examples/people.csv", "--json");
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ people: 6, created: 6 });

    const successors = await run("successors", "Marketing Manager", "--json");
    expect(successors.code).toBe(0);
    const list = JSON.parse(successors.stdout);
    expect(list.profile.title).toBe("Marketing Manager");
    expect(list.successors.length).toBeGreaterThan(0);
    expect(list.successors[0]).toMatchObject({ percent: expect.any(Number), readiness: expect.any(String) });
    expect(list.bench).toMatchObject({ positions: 1, minimumMatch: 60 });
    expect((await run("successors", "Marketing Manager")).stdout).toMatch(
      /^Successors for Marketing Manager \[sample\]\nBench strength /,
    );

    const gaps = await run("gaps", "maya.chen@example.com", "Communications", "Director");
    expect(gaps.code).toBe(0);
    expect(gaps.stdout).toMatch(/^Maya Chen against Communications Director \[sample\]: \d+% match/);
    expect(gaps.stdout).toMatch(/next level: /);

    const unknown = await run("gaps", "nobody@example.com");
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/nobody@example\.com/);
  });

  const SUMMARY =
    "Media relations lead, 6 years. Pitched and placed stories with national journalists, wrote press releases, " +
    "handled crisis communication during a data incident and trained spokespeople.";

  it("assesses a summary from standard input against a profile, quoting exact evidence, and stores it", async () => {
    const { code, stdout } = await runWithStdin(SUMMARY, "fit", "Media Relations Specialist", "--json");
    expect(code).toBe(0);
    const fit = JSON.parse(stdout);
    expect(fit).toMatchObject({
      title: "Media Relations Specialist",
      engine: "local",
      band: expect.any(String),
    });
    const quoted = fit.competencies.flatMap(
      (c: { evidence: { start: number; end: number; text: string }[] }) => c.evidence,
    );
    expect(quoted.length).toBeGreaterThan(0);
    for (const span of quoted) expect(SUMMARY.slice(span.start, span.end)).toBe(span.text);
    const audit = JSON.parse((await run("audit", "--json")).stdout) as {
      action: string;
      detail: { assessmentId?: string };
    }[];
    expect(audit.find((r) => r.action === "assess_fit")?.detail.assessmentId).toBe(fit.assessmentId);
    expect(JSON.stringify(audit)).not.toContain("journalists");
  });

  it("purges by hand: expired summaries waiting for a profile go too, and the purge is audited", async () => {
    const { prisma } = context.database;
    await prisma.pendingRequest.create({
      data: {
        id: "waiting",
        actor: "U1",
        payload: { summary: SUMMARY },
        expiresAt: new Date(Date.now() - 1_000),
      },
    });
    const { code, stdout } = await run("purge");
    expect(code).toBe(0);
    expect(stdout).toContain("1 expired summary(ies)");
    expect(await prisma.pendingRequest.count()).toBe(0);
    const audit = JSON.parse((await run("audit", "--json")).stdout) as { action: string; actor: string }[];
    expect(audit[0]).toMatchObject({ action: "purge_candidate_text", actor: "cli:admin" });
  });

  it("refuses an empty or over-long summary, naming the limit", async () => {
    const empty = await runWithStdin("   ", "fit", "Media Relations Specialist");
    expect(empty).toMatchObject({ code: 2 });
    expect(empty.stderr).toMatch(/standard input or with --file/);
    const long = await runWithStdin("x".repeat(20_001), "fit", "Media Relations Specialist");
    expect(long.code).toBe(2);
    expect(long.stderr).toMatch(/20,001 characters; the limit is 20,000/);
  });

  it("screens JSON lines in one process, reporting bad lines by id or line number and running the rest", async () => {
    const input = [
      JSON.stringify({ id: "a", text: SUMMARY }),
      "not json",
      JSON.stringify({ id: "b", text: "" }),
      JSON.stringify({
        id: "c",
        text: "Registered nurse, ICU, 5 years: patient assessment, medication administration.",
      }),
    ].join("\n");
    const { code, stdout, stderr } = await runWithStdin(input, "match", "--jsonl", "--top", "3");
    expect(code).toBe(1);
    const lines = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.id)).toEqual(["a", null, "b", "c"]);
    expect(lines[0].results).toHaveLength(3);
    expect(lines[0].results[0]).toEqual({
      title: expect.any(String),
      framework: expect.any(String),
      score: expect.any(Number),
      general: expect.anything(),
      technical: expect.anything(),
    });
    expect(lines[3].results.map((r: { title: string }) => r.title)).toContain("Registered Nurses");
    expect(stderr).toMatch(/line 2: line 2 is not JSON/);
    expect(stderr).toMatch(/id b: The summary is empty/);
  });

  it("imports a framework file, then updates it in place on a second import", async () => {
    const first = await run("import", "framework", "examples/frameworks/acme.json", "--json");
    expect(first.code).toBe(0);
    const created = JSON.parse(first.stdout);
    expect(created).toMatchObject({ created: true, profilesRemoved: 0 });
    expect(created.profilesCreated).toBeGreaterThan(0);
    const second = JSON.parse(
      (await run("import", "framework", "examples/frameworks/acme.json", "--json")).stdout,
    );
    expect(second).toMatchObject({ created: false, profilesCreated: 0, profilesUpdated: 0 });
    expect(second.profilesUnchanged).toBe(created.profilesCreated);
    // The library is reloaded after an import: the new profiles can be looked up at once.
    const search = JSON.parse((await run("search", "x", "--framework", "acme", "--json")).stdout);
    expect(Array.isArray(search)).toBe(true);
  });

  it("imports an O*NET release directory whose columns are in another order", async () => {
    const { code, stdout, stderr } = await run(
      "import",
      "onet",
      "test/fixtures/onet/reordered",
      "--version",
      "29.0",
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/Updated framework "onet"/);
    expect(stderr).toMatch(/storing requirements/);
    const frameworks = JSON.parse((await run("frameworks", "--json")).stdout) as {
      name: string;
      source: string;
    }[];
    expect(frameworks.find((f) => f.name === "onet")?.source).toMatch(/O\*NET 29\.0/);
  });

  it("evaluates any labelled set against a loaded framework, and reports bad lines by number", async () => {
    expect((await run("import", "framework", "eval/framework.yaml")).code).toBe(0);
    const { code, stdout } = await run(
      "eval",
      "--framework",
      "eval-dev",
      "--input",
      "eval/dev-set.jsonl",
      "--json",
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ framework: "eval-dev", count: 112, labelsNotInFramework: [] });
    expect(report.top1).toBeGreaterThan(0.9);
    expect(report.top5).toBeGreaterThanOrEqual(report.top3);
    expect(report.macroF1).toBeGreaterThan(0.9);

    const file = join(mkdtempSync(join(tmpdir(), "cb-eval-")), "bad.jsonl");
    writeFileSync(file, '{"id":"1","text":"nurse","label":"Registered Nurse"}\nnope\n{"id":"3"}\n');
    const bad = await run("eval", "--framework", "eval-dev", "--input", file);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/2 bad line\(s\)[\s\S]*line 2: not JSON[\s\S]*line 3: needs "id"/);
  });

  it("answers an unknown command or option with the usage", async () => {
    const unknown = await run("profiel", "x");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /Unknown command "profiel x"[\s\S]*competency-bot compare <title A> vs <title B>/,
    );
    const option = await run("search", "x", "--colour");
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/Unknown option '--colour'/);
  });
});

describe("the competency-bot executable", () => {
  const exec = promisify(execFile);

  it("prints the usage", async () => {
    const { stdout } = await exec(process.execPath, ["bin/competency-bot.js", "--help"]);
    expect(stdout).toMatch(/competency-bot profile <title>/);
  });

  it("refuses a malformed DATABASE_URL with the accepted forms, on stderr with a non-zero exit", async () => {
    const failure = await exec(process.execPath, ["bin/competency-bot.js", "frameworks"], {
      env: { ...process.env, DATABASE_URL: "mysql://localhost/db" },
    }).catch((error: { code: number; stderr: string; stdout: string }) => error);
    expect(failure).toMatchObject({ code: 1, stdout: "" });
    expect((failure as { stderr: string }).stderr).toMatch(
      /DATABASE_URL "mysql:\/\/localhost\/db" is not understood[\s\S]*pglite:memory/,
    );
  });
});
