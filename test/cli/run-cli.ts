import { type RunCliOptions, runCli } from "../../src/cli/cli.js";

export type CliRun = { code: number; stdout: string; stderr: string };

/** Runs one command line with `stdin` as its standard input, capturing what it prints. */
export async function runCapturing(args: string[], stdin: string, options: RunCliOptions): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(
    args,
    {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
      readStdin: async () => stdin,
    },
    options,
  );
  return { code, stdout, stderr };
}
