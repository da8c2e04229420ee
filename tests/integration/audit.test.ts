import { describe, expect, it } from "vitest";
import { append, appendMany as appendBatch, verifyLog } from "../../lib/audit";
import { entryHash, GENESIS_HASH } from "../../lib/audit/hash";
import { writeTransaction } from "../../lib/db/transaction";
import * as entries from "../../app/api/log/entries/route";
import * as verify from "../../app/api/log/verify/route";
import { call, createUser, db, tokenFor } from "../helpers/api";

async function appendMany(n: number, actor = "tester") {
  for (let i = 0; i < n; i++) {
    await writeTransaction((tx) => append({ tx, actor, action: "test.append", resource: `item:${i}`, subsystem: "test", payload: { i, note: "ünïcode ✓" }, result: "success" }));
  }
}

describe("the audit log", () => {
  it("chains entries: gapless sequence, prev_hash links, recomputable hashes", async () => {
    await appendMany(5);
    const rows = await db.logEntry.findMany({ orderBy: { sequence: "asc" } });
    expect(rows.map((r) => r.sequence)).toEqual(rows.map((_, i) => i + 1));
    expect(rows[0].prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prevHash).toBe(rows[i - 1].entryHash);
    for (const r of rows) expect(entryHash({ ...r, payload: JSON.parse(r.payload) })).toBe(r.entryHash);
    expect(await verifyLog({ db })).toEqual({ valid: true, checked: rows.length, first_bad_sequence: null, reason: null });
  });

  it("appends a batch in one transaction as consecutive, chained entries", async () => {
    const head = await db.logHead.findUniqueOrThrow({ where: { id: 1 } });
    const written = await writeTransaction(async (tx) => {
      await append({ tx, actor: "tester", action: "test.single", resource: "x", subsystem: "test", result: "success" });
      return appendBatch({ tx, events: [0, 1, 2].map((i) => ({ actor: "tester", action: "test.batch", resource: `b:${i}`, subsystem: "test", payload: { i }, result: "success" })) });
    });
    expect(written.map((e) => e.sequence)).toEqual([head.sequence + 2, head.sequence + 3, head.sequence + 4]);
    const rows = await db.logEntry.findMany({ where: { sequence: { gt: head.sequence } }, orderBy: { sequence: "asc" } });
    expect(rows.map((r) => r.action)).toEqual(["test.single", "test.batch", "test.batch", "test.batch"]);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prevHash).toBe(rows[i - 1].entryHash);
    expect((await db.logHead.findUniqueOrThrow({ where: { id: 1 } })).lastHash).toBe(rows[3].entryHash);
    expect((await verifyLog({ db })).valid).toBe(true);
  });

  it("rolls the entry back with the change it describes", async () => {
    const before = await db.logHead.findUniqueOrThrow({ where: { id: 1 } });
    await expect(
      writeTransaction(async (tx) => {
        await append({ tx, actor: "tester", action: "test.rollback", resource: "x", subsystem: "test", result: "success" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.logHead.findUniqueOrThrow({ where: { id: 1 } })).toEqual(before);
    expect(await db.logEntry.count({ where: { action: "test.rollback" } })).toBe(0);
    expect((await verifyLog({ db })).valid).toBe(true);
  });

  it("refuses to append outside a transaction", async () => {
    await expect(append({ tx: db as never, actor: "x", action: "y", resource: "z", subsystem: "test", result: "success" })).rejects.toThrow(/inside a transaction/);
  });

  it("is append-only at the database: UPDATE and DELETE are refused", async () => {
    await appendMany(1);
    await expect(db.$executeRawUnsafe(`UPDATE "LogEntry" SET "actor" = 'mallory' WHERE "sequence" = 1`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`DELETE FROM "LogEntry" WHERE "sequence" = 1`)).rejects.toThrow(/append-only/);
  });
});

describe("GET /api/log/entries and /api/log/verify", async () => {
  const admin = await createUser({ role: "admin" });
  const alice = await createUser();
  const adminToken = await tokenFor(admin);
  const aliceToken = await tokenFor(alice);
  await appendMany(3, alice.username);
  await appendMany(3, "someone-else");

  it("shows an admin every entry, newest first, with filters and a cursor", async () => {
    const res = await call(entries.GET, { bearer: adminToken, path: "/api/log/entries?subsystem=test&limit=4" });
    expect(res.status).toBe(200);
    expect(res.json.count).toBe(4);
    const seqs = res.json.entries.map((e: { sequence: number }) => e.sequence);
    expect(seqs).toEqual([...seqs].sort((a: number, b: number) => b - a));
    const next = await call(entries.GET, { bearer: adminToken, path: `/api/log/entries?subsystem=test&limit=4&cursor=${res.json.next_cursor}` });
    expect(next.json.entries.every((e: { sequence: number }) => e.sequence < seqs[seqs.length - 1])).toBe(true);
    const byActor = await call(entries.GET, { bearer: adminToken, path: "/api/log/entries?actor=someone-else" });
    expect(byActor.json.entries).toHaveLength(3);
    const first = byActor.json.entries[0];
    expect(first).toMatchObject({ actor: "someone-else", action: "test.append", subsystem: "test", result: "success" });
    expect(first.entry_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("shows anyone else only their own entries", async () => {
    const res = await call(entries.GET, { bearer: aliceToken, path: "/api/log/entries?actor=someone-else&limit=100" });
    expect(res.status).toBe(200);
    expect(res.json.entries.length).toBeGreaterThan(0);
    expect(res.json.entries.every((e: { actor: string }) => e.actor === alice.username)).toBe(true);
  });

  it("verifies through the API", async () => {
    const res = await call(verify.GET, { bearer: aliceToken });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ valid: true, first_bad_sequence: null });
    expect(res.json.checked).toBeGreaterThanOrEqual(6);
    expect((await call(verify.GET)).status).toBe(401);
    const beyond = await call(verify.GET, { bearer: aliceToken, path: "/api/log/verify?start_seq=100000" });
    expect(beyond.json).toMatchObject({ valid: true, checked: 0, first_bad_sequence: null, reason: null, entries_verified: 0, sequence_range: "empty" });
    const backwards = await call(verify.GET, { bearer: aliceToken, path: "/api/log/verify?start_seq=5&end_seq=2" });
    expect(backwards.status).toBe(422);
    expect(backwards.json.error.fields[0].field).toBe("query.end_seq");
  });
});
