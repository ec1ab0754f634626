import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPendingRequestRepository } from "../../src/adapters/db/pending-request-repository.js";
import { createPendingSummaries, PENDING_TTL_MS } from "../../src/slack/pending-summaries.js";
import { createTestDatabase, TEST_SERVER_URL, type TestDatabase } from "../support/database.js";
import { anotherHandle } from "./support/service.js";

/**
 * Summaries waiting for a choice live in the database: the instance that shows the picker and the one
 * that receives the choice need not be the same, and neither keeps the text past its 30 minutes.
 */
const SUMMARY = "Nine years of brand management and market research at a consumer goods company.";

let db: TestDatabase;
let other: TestDatabase;
let now = Date.parse("2026-11-28T10:00:00Z");
const clock = () => new Date(now);

beforeAll(async () => {
  db = await createTestDatabase();
  // On a server, a second instance has its own connections; embedded, one process owns the store.
  other = TEST_SERVER_URL ? await anotherHandle(db) : db;
});
afterAll(async () => {
  if (other !== db) await other?.dispose();
  await db?.dispose();
});

const instance = (handle: TestDatabase) =>
  createPendingSummaries(createPendingRequestRepository(handle.prisma), clock);

describe("shared pending summaries", () => {
  it("are found by another instance, for their owner only", async () => {
    const key = await instance(db).put("U1", SUMMARY);
    expect(await instance(other).get("U1", key)).toBe(SUMMARY);
    expect(await instance(other).get("U2", key)).toBeUndefined();
  });

  it("expire after 30 minutes, and the sweep deletes their text", async () => {
    const key = await instance(db).put("U1", SUMMARY);
    now += PENDING_TTL_MS - 1_000;
    expect(await instance(other).get("U1", key)).toBe(SUMMARY);
    now += 1_000;
    expect(await instance(other).get("U1", key)).toBeUndefined();
    const repository = createPendingRequestRepository(other.prisma);
    expect(await repository.deleteExpired(new Date(now))).toBeGreaterThanOrEqual(1);
    expect(await db.prisma.pendingRequest.count({ where: { id: key } })).toBe(0);
  });

  it("keep a summary with characters PostgreSQL's JSON refuses, exactly as typed", async () => {
    const key = await instance(db).put("U1", `${SUMMARY}\u0000 \ud800 end`);
    expect(await instance(other).get("U1", key)).toBe(`${SUMMARY}\u0000 \ud800 end`);
  });

  it("answer nothing for a key that is not one of theirs", async () => {
    for (const key of ["", "x", '\'; DROP TABLE "PendingRequest"; --', "0".repeat(36), "a".repeat(5_000)]) {
      expect(await instance(db).get("U1", key)).toBeUndefined();
    }
  });
});
