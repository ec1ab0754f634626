import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { DatabaseTarget } from "../../config.js";
import { PrismaClient } from "../../generated/prisma/client.js";
import { lockDirectory } from "./directory-lock.js";

/**
 * Runs SQL scripts outside Prisma's query engine: migrations need multi-statement scripts and a
 * transaction-scoped advisory lock, which Prisma's migrate engine would do but cannot be fetched here.
 */
export interface ScriptRunner {
  /** Runs `work` in one transaction; `exec` accepts several statements, `query` returns rows. */
  transaction<T>(work: (tx: ScriptTransaction) => Promise<T>): Promise<T>;
}

export interface ScriptTransaction {
  exec(sql: string): Promise<void>;
  query<R>(sql: string, params?: unknown[]): Promise<R[]>;
}

export type Database = {
  prisma: PrismaClient;
  scripts: ScriptRunner;
  target: DatabaseTarget;
  /** True when a trivial query succeeds. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
};

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === "postgres" ? openPostgres(target) : openPglite(target);
}

async function openPglite(target: Extract<DatabaseTarget, { kind: "pglite" }>): Promise<Database> {
  let unlock = () => {};
  if (target.directory) {
    mkdirSync(target.directory, { recursive: true });
    unlock = await lockDirectory(target.directory);
  }
  const pglite = target.directory ? new PGlite(target.directory) : new PGlite();
  try {
    await pglite.waitReady;
  } catch (error) {
    unlock();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  const scripts: ScriptRunner = {
    transaction: (work) =>
      pglite.transaction((tx) =>
        work({
          exec: async (sql) => {
            await tx.exec(sql);
          },
          query: async <R>(sql: string, params?: unknown[]) => (await tx.query<R>(sql, params)).rows,
        }),
      ),
  };
  return {
    prisma,
    scripts,
    target,
    ping: () => ping(prisma),
    close: async () => {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
      unlock();
    },
  };
}

async function openPostgres(target: Extract<DatabaseTarget, { kind: "postgres" }>): Promise<Database> {
  const pool = new pg.Pool({ connectionString: target.url, max: 10, connectionTimeoutMillis: 5_000 });
  // A server restart drops idle connections; without a listener the pool's error would crash the process.
  pool.on("error", () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const scripts: ScriptRunner = {
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work({
          exec: async (sql) => {
            await client.query(sql);
          },
          query: async <R>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as R[],
        });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
  };
  return {
    prisma,
    scripts,
    target,
    ping: () => ping(prisma),
    close: async () => {
      // Closed once: a second close (a shutdown racing a failure) is a no-op, not "end called twice".
      if (pool.ended) return;
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function ping(prisma: PrismaClient): Promise<boolean> {
  try {
    await prisma.$queryRawUnsafe("SELECT 1");
    return true;
  } catch {
    return false;
  }
}
