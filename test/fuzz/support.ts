import type { PrismaClient } from "../../src/generated/prisma/client.js";

/** Cases run and how they ended, printed once a property has run, for docs/reliability.md. */
export class CaseCount {
  private readonly outcomes = new Map<string, number>();
  constructor(readonly name: string) {}

  note(outcome: string): void {
    this.outcomes.set(outcome, (this.outcomes.get(outcome) ?? 0) + 1);
  }

  get total(): number {
    return [...this.outcomes.values()].reduce((sum, n) => sum + n, 0);
  }

  count(outcome: string): number {
    return this.outcomes.get(outcome) ?? 0;
  }

  report(): void {
    const parts = [...this.outcomes].map(([outcome, n]) => `${outcome} ${n}`).join(", ");
    console.log(`fuzz ${this.name}: ${this.total} cases (${parts})`);
  }
}

/** A digest of every row of these tables: equal digests, unchanged tables. */
export async function tablesDigest(prisma: PrismaClient, tables: string[]): Promise<string> {
  const parts: string[] = [];
  for (const table of tables) {
    const [row] = await prisma.$queryRawUnsafe<{ digest: string | null; count: number }[]>(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest, count(*)::int AS count FROM "${table}" t`,
    );
    parts.push(`${table}:${row?.count}:${row?.digest}`);
  }
  return parts.join(" ");
}
