#!/usr/bin/env node
// Compiles src/ (and the generated Prisma client) to plain JavaScript in dist/, file for file.
// `npm start` runs the compiled app: a TypeScript loader thread costs ~35 MB of resident memory that
// a long-running bot should not carry. esbuild only strips types (well under a second); `npm run
// typecheck` is what checks them.
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

const sources = readdirSync("src", { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts"))
  .map((entry) => join(entry.parentPath ?? entry.path, entry.name));

rmSync("dist", { recursive: true, force: true });
await build({
  entryPoints: sources,
  outdir: "dist",
  outbase: "src",
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: "linked",
  logLevel: "warning",
});
