import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../../src/adapters/db/database.js";
import { migrate, readMigrations } from "../../../src/adapters/db/migrate.js";
import { parseDatabaseUrl } from "../../../src/config.js";
import {
  createServerDatabase,
  createTestDatabase,
  dropServerDatabase,
  TEST_SERVER_URL,
} from "../../support/database.js";

describe("migrate", () => {
  it("applies every migration once and records it as Prisma does", async () => {
    const database = await createTestDatabase();
    try {
      expect(await migrate(database)).toEqual([]);
      const rows = await database.prisma.$queryRawUnsafe<{ migration_name: string; checksum: string }[]>(
        'SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name',
      );
      expect(rows).toEqual(readMigrations().map((m) => ({ migration_name: m.name, checksum: m.checksum })));
      expect(await database.prisma.framework.count()).toBe(0);
    } finally {
      await database.dispose();
    }
  });

  it("refuses a migration edited after it was applied", async () => {
    const database = await createTestDatabase();
    try {
      const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m));
      await expect(migrate(database, edited)).rejects.toThrow(/changed after it was applied/);
    } finally {
      await database.dispose();
    }
  });

  describe.skipIf(!TEST_SERVER_URL)("on a PostgreSQL server", () => {
    let url = "";
    afterAll(async () => {
      if (url && TEST_SERVER_URL) await dropServerDatabase(TEST_SERVER_URL, url);
    });

    it("lets only one of several instances starting together apply a migration", async () => {
      url = await createServerDatabase(TEST_SERVER_URL as string);
      const instances = await Promise.all([1, 2, 3, 4].map(() => openDatabase(parseDatabaseUrl(url))));
      try {
        const applied = await Promise.all(instances.map((db) => migrate(db)));
        expect(applied.flat()).toEqual(readMigrations().map((m) => m.name));
        const rows = await instances[0]?.prisma.$queryRawUnsafe<{ count: number }[]>(
          'SELECT count(*)::int AS count FROM "_prisma_migrations"',
        );
        expect(rows).toEqual([{ count: readMigrations().length }]);
      } finally {
        await Promise.all(instances.map((db) => db.close()));
      }
    });
  });
});
