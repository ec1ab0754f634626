#!/usr/bin/env node
// Generates the Prisma client (into src/generated, not committed) at install time.
// `prisma generate` does not use the native schema engine, but Prisma 7 still tries to download it
// first; on machines without access to Prisma's download host that fails. Naming an existing file
// as the engine skips the download for this one command only; nothing else sees the variable.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY)
  env.PRISMA_SCHEMA_ENGINE_BINARY = existsSync("/bin/false") ? "/bin/false" : process.execPath;
const result = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
