// Request counters are kept in memory until the statement that adds them to the database has
// committed: a failed flush loses nothing, and requests counted while a flush runs are kept.
import { describe, expect, it, vi } from "vitest";
import type { Db } from "../../lib/db/client";
import { BUCKET_MS, countRequest, flushRequestCounts, pendingRequestCount } from "../../lib/metrics/request-counter";
import { db } from "../helpers/api";

/** A database where every call fails, as a full or unreachable one does. */
function failingDb(): Db {
  const fail: unknown = new Proxy(function () {}, {
    get: () => fail,
    apply: () => Promise.reject(new Error("database or disk is full")),
  });
  return fail as Db;
}

/** The real database, whose raw statements wait until `open()` is called. */
function gatedDb() {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const gated = new Proxy(db, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (prop === "$executeRaw") return async (...args: unknown[]) => (await gate, (value as (...a: unknown[]) => unknown).apply(target, args));
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { db: gated, open: () => open() };
}

const bucketOf = (name: string) => db.metricBucket.findMany({ where: { name } });

describe("request counters", () => {
  it("survive a failed flush and are written, with the ones counted since, by the next", async () => {
    const at = Date.now();
    for (let i = 0; i < 5; i++) countRequest("test_failed_flush", 2, at);
    await expect(flushRequestCounts({ db: failingDb() })).rejects.toThrow("full");
    for (let i = 0; i < 2; i++) countRequest("test_failed_flush", 2, at);
    await flushRequestCounts();
    expect(await bucketOf("test_failed_flush")).toMatchObject([{ count: 7, totalMs: 14 }]);
    expect(pendingRequestCount()).toBe(0);
  });

  it("keep what was counted while a flush was writing, for the next flush, without counting anything twice", async () => {
    const at = Date.now();
    for (let i = 0; i < 3; i++) countRequest("test_meanwhile", 1, at);
    const slow = gatedDb();
    const flushing = flushRequestCounts({ db: slow.db });
    await vi.waitFor(() => expect(pendingRequestCount()).toBe(3)); // the flush took its snapshot and waits
    countRequest("test_meanwhile", 1, at);
    countRequest("test_meanwhile", 1, at + BUCKET_MS); // the next bucket
    slow.open();
    await flushing;
    expect(await bucketOf("test_meanwhile")).toMatchObject([{ count: 3 }]);
    expect(pendingRequestCount()).toBe(2);
    await flushRequestCounts();
    const rows = await db.metricBucket.findMany({ where: { name: "test_meanwhile" }, orderBy: { bucketStart: "asc" } });
    expect(rows.map((r) => r.count)).toEqual([4, 1]);
  });

  it("add to a bucket another process already wrote", async () => {
    const at = Date.now();
    const bucketStart = new Date(at - (at % BUCKET_MS));
    await db.metricBucket.create({ data: { name: "test_shared", bucketStart, count: 10, totalMs: 5 } });
    countRequest("test_shared", 3, at);
    await flushRequestCounts();
    expect(await bucketOf("test_shared")).toMatchObject([{ count: 11, totalMs: 8, bucketStart }]);
  });
});
