import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "../../src/adapters/db/database.js";
import { migrate } from "../../src/adapters/db/migrate.js";
import { parseDatabaseUrl } from "../../src/config.js";

/**
 * The server the suite runs against, when it runs against one: CI runs `npm test` twice, once on
 * embedded PGlite (the default) and once with TEST_DATABASE_URL naming the PostgreSQL server.
 */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL?.trim() || null;

export type TestDatabase = Database & { url: string; dispose(): Promise<void> };

/** A fresh, migrated, empty database of its own for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = TEST_SERVER_URL ? await createServerDatabase(TEST_SERVER_URL) : "pglite:memory";
  const database = await openDatabase(parseDatabaseUrl(url));
  await migrate(database);
  return {
    ...database,
    url,
    dispose: async () => {
      await database.close();
      if (TEST_SERVER_URL) await dropServerDatabase(TEST_SERVER_URL, url);
    },
  };
}

/** Creates an empty database on the test server and returns its URL (for tests that open it twice). */
export async function createServerDatabase(serverUrl: string): Promise<string> {
  const name = `cbtest_${randomBytes(6).toString("hex")}`;
  await withAdmin(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropServerDatabase(serverUrl: string, databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  await withAdmin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

async function withAdmin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
