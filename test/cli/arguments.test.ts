import { describe, expect, it } from "vitest";
import { runCapturing } from "./run-cli.js";

/**
 * Refusals of what was typed, shared by every command that takes the same kind of argument. They come before
 * the store is opened: the store named here cannot be opened, so reaching it would fail these tests.
 */
const run = (...args: string[]) =>
  runCapturing(args, "", { env: { DATABASE_URL: "mysql://never-opened/db" } });

describe("command-line arguments", () => {
  it("refuses a count that is no whole number in its command's range, naming the range and the value", async () => {
    expect(await run("search", "nurse", "--limit", "0")).toEqual({
      code: 2,
      stdout: "",
      stderr: '--limit must be a whole number from 1 to 100; got "0".\n',
    });
    expect((await run("audit", "--limit", "2.5")).stderr).toBe(
      '--limit must be a whole number from 1 to 10000; got "2.5".\n',
    );
    expect((await run("match", "--top", "many")).stderr).toBe(
      '--top must be a whole number from 1 to 50; got "many".\n',
    );
  });

  it("asks for exactly one file, directory or id, saying how many it got", async () => {
    expect(await run("import", "framework")).toMatchObject({
      code: 2,
      stderr: "Give exactly one framework file; got 0.\n",
    });
    expect((await run("import", "onet", "a", "b")).stderr).toBe("Give exactly one O*NET directory; got 2.\n");
    expect((await run("import", "people")).stderr).toBe(
      "Give exactly one people file (CSV or JSON); got 0.\n",
    );
    expect((await run("forget", "a@example.com", "b@example.com")).stderr).toBe(
      "Give exactly one assessment id or person's email; got 2.\n",
    );
  });

  it("refuses words after a command that takes none", async () => {
    for (const command of ["frameworks", "purge", "migrate"]) {
      expect(await run(command, "now")).toMatchObject({
        code: 2,
        stderr: `\`${command}\` takes no arguments.\n`,
      });
    }
  });

  it("names a file it cannot read and why", async () => {
    expect(await run("fit", "Nurse", "--file", "/no/such/summary.txt")).toMatchObject({
      code: 2,
      stderr: "Cannot read /no/such/summary.txt: ENOENT.\n",
    });
    expect((await run("eval", "--framework", "x", "--input", "/no/such/set.jsonl")).stderr).toBe(
      "Cannot read /no/such/set.jsonl: ENOENT.\n",
    );
  });
});
