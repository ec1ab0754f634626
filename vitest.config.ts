import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    pool: "forks",
    // Each test file opens its own database; embedded PGlite takes a few seconds to create one.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
