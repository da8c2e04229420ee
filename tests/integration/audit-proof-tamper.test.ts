// Plays an attacker who can rewrite the database (but does not have the signing key, kept
// outside it): each forgery must be caught by `audit:verify` — by the chain, the entries'
// signatures, the stored signed heads, or a head saved elsewhere — naming the first bad
// sequence or the failed proof, with a non-zero exit. Each case gets a log of its own.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { appendMany } from "../../lib/audit/append";
import { auditVerifyCommand } from "../../lib/audit/audit-verify-command";
import { entryHash, GENESIS_HASH } from "../../lib/audit/hash";
import { publishTreeHead } from "../../lib/audit/publish-tree-head";
import { verifyAuditLog } from "../../lib/audit/verify-audit-log";
import type { Db } from "../../lib/db/client";
import { writeTransaction } from "../../lib/db/transaction";
import { provider } from "../helpers/database";
import { otherDatabase } from "../helpers/second-database";

const dir = mkdtempSync(path.join(os.tmpdir(), "grace-audit-tamper-"));
const opened: { close: () => Promise<void> }[] = [];
afterAll(async () => {
  for (const o of opened) await o.close();
});

async function dropTriggers(db: Db) {
  if (provider === "sqlite") {
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS "LogEntry_no_update"`);
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS "LogEntry_no_delete"`);
  } else {
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS "LogEntry_no_update_delete" ON "LogEntry"`);
  }
}

const event = (i: number, action = "test.append") => ({ actor: "tester", action, resource: `item:${i}`, subsystem: "test", payload: { i }, result: "success" });

/** A log of 20 entries with a signed head saved "elsewhere" (a file), then 5 more entries and a head over all 25. */
async function logWithSavedHead() {
  const other = await otherDatabase();
  opened.push(other);
  const db = other.db;
  for (let i = 1; i <= 20; i++) await writeTransaction((tx) => appendMany({ tx, events: [event(i)] }), db);
  const saved = path.join(dir, `head-${Math.random().toString(36).slice(2)}.json`);
  expect(await publishTreeHead({ db })).toMatchObject({ published: true, head: { tree_size: 20 } });
  const lines: string[] = [];
  expect(await auditVerifyCommand({ db, argv: ["--save-head", saved], print: (l) => lines.push(l) })).toBe(0);
  expect(JSON.parse(readFileSync(saved, "utf8"))).toMatchObject({ tree_size: 20 });
  await writeTransaction((tx) => appendMany({ tx, events: [21, 22, 23, 24, 25].map((i) => event(i)) }), db);
  expect(await publishTreeHead({ db })).toMatchObject({ published: true, head: { tree_size: 25 } });
  expect((await verifyAuditLog({ db, external: [{ source: "saved", head: JSON.parse(readFileSync(saved, "utf8")) }] })).valid).toBe(true);
  await dropTriggers(db);
  return { db, url: other.url, saved };
}

async function run(db: Db, argv: string[]) {
  const lines: string[] = [];
  const code = await auditVerifyCommand({ db, argv, print: (l) => lines.push(l) });
  return { code, text: lines.join("\n") };
}

/** The attacker's rewrite: every hash from `from` on recomputed, the head row moved to match. */
async function rechain(db: Db, from: number) {
  const rows = await db.logEntry.findMany({ orderBy: { sequence: "asc" } });
  let prev = GENESIS_HASH;
  for (const r of rows) {
    if (r.sequence >= from) {
      const hash = entryHash({ ...r, prevHash: prev, payload: JSON.parse(r.payload) });
      await db.$executeRaw`UPDATE "LogEntry" SET "prevHash" = ${prev}, "entryHash" = ${hash} WHERE "sequence" = ${r.sequence}`;
      prev = hash;
    } else {
      prev = r.entryHash;
    }
  }
  await db.$executeRaw`UPDATE "LogHead" SET "lastHash" = ${prev}, "sequence" = ${rows.length ? rows[rows.length - 1].sequence : 0} WHERE "id" = 1`;
}

describe("audit:verify catches each forgery", () => {
  it("an edited entry: the chain names it", async () => {
    const { db, saved } = await logWithSavedHead();
    await db.$executeRaw`UPDATE "LogEntry" SET "payload" = '{"i":999}' WHERE "sequence" = 7`;
    const r = await run(db, ["--head", saved]);
    expect(r.code).toBe(1);
    expect(r.text).toContain("FAILED at sequence 7");
    const report = await verifyAuditLog({ db });
    expect(report.chain.failure).toMatchObject({ sequence: 7 });
    expect(report.heads.valid).toBe(false); // the stored heads no longer match either
  });

  it("a deleted entry: reported as the first missing sequence", async () => {
    const { db, saved } = await logWithSavedHead();
    await db.$executeRaw`DELETE FROM "LogEntry" WHERE "sequence" = 9`;
    const r = await run(db, ["--head", saved]);
    expect(r.code).toBe(1);
    expect(r.text).toContain("FAILED at sequence 9");
    expect(r.text).toContain("entry 9 is missing");
  });

  it("two entries swapped", async () => {
    const { db } = await logWithSavedHead();
    await db.$executeRaw`UPDATE "LogEntry" SET "sequence" = -5 WHERE "sequence" = 5`;
    await db.$executeRaw`UPDATE "LogEntry" SET "sequence" = 5 WHERE "sequence" = 6`;
    await db.$executeRaw`UPDATE "LogEntry" SET "sequence" = 6 WHERE "sequence" = -5`;
    const r = await run(db, []);
    expect(r.code).toBe(1);
    expect(r.text).toContain("FAILED at sequence 5");
  });

  it("the newest entries deleted and the head row rolled back (stored heads and tree removed too): the saved head catches it", async () => {
    const { db, saved } = await logWithSavedHead();
    await db.$executeRaw`DELETE FROM "LogEntry" WHERE "sequence" > 15`;
    await db.$executeRaw`DELETE FROM "TreeHead"`;
    await db.$executeRaw`DELETE FROM "LogTreeNode"`;
    const last = await db.logEntry.findUniqueOrThrow({ where: { sequence: 15 } });
    await db.$executeRaw`UPDATE "LogHead" SET "sequence" = 15, "lastHash" = ${last.entryHash} WHERE "id" = 1`;
    // The chain alone is fooled: that was the forgery of issue 13.
    expect((await verifyAuditLog({ db })).valid).toBe(true);
    const r = await run(db, ["--head", saved]);
    expect(r.code).toBe(1);
    expect(r.text).toMatch(/saved head .*covers 20 entries but the log now has 15: entries were removed/);
  });

  it("an entry edited and every later hash and the head recomputed: its signature names it, the heads and the saved head fail", async () => {
    const { db, saved } = await logWithSavedHead();
    await db.$executeRaw`UPDATE "LogEntry" SET "payload" = '{"i":-1}', "result" = 'failure' WHERE "sequence" = 12`;
    await rechain(db, 12);
    const report = await verifyAuditLog({ db, external: [{ source: "saved head", head: JSON.parse(readFileSync(saved, "utf8")) }] });
    expect(report.chain.valid).toBe(true);
    expect(report.signatures.failure).toMatchObject({ sequence: 12 });
    expect(report.heads.failure).toMatchObject({ sequence: 12, tree_size: 20 });
    expect(report.external[0]).toMatchObject({ valid: false });
    expect(report.external[0].reason).toContain("consistency proof");
    expect(report.first_bad_sequence).toBe(12);
    const r = await run(db, ["--head", saved]);
    expect(r.code).toBe(1);
    expect(r.text).toContain("FAILED at sequence 12");
  });

  it("a forged approval.approve appended with a correct chain but no valid signature; the publisher refuses to sign over it", async () => {
    const { db } = await logWithSavedHead();
    for (const signature of ["", Buffer.alloc(64, 7).toString("base64")]) {
      const head = await db.logHead.findUniqueOrThrow({ where: { id: 1 } });
      const fields = { sequence: head.sequence + 1, timestamp: new Date(), actor: "admin", action: "approval.approve", resource: "approval:1", subsystem: "governance", payload: { approval_id: 1 }, result: "success", prevHash: head.lastHash };
      const hash = entryHash(fields);
      await db.$executeRaw`INSERT INTO "LogEntry" ("sequence", "timestamp", "actor", "action", "resource", "subsystem", "payload", "result", "prevHash", "entryHash", "signature", "keyId")
        VALUES (${fields.sequence}, ${fields.timestamp}, 'admin', 'approval.approve', 'approval:1', 'governance', '{"approval_id":1}', 'success', ${head.lastHash}, ${hash}, ${signature}, ${signature ? "0000000000000000" : ""})`;
      await db.$executeRaw`UPDATE "LogHead" SET "sequence" = ${fields.sequence}, "lastHash" = ${hash} WHERE "id" = 1`;
      const report = await verifyAuditLog({ db });
      expect(report.chain.valid).toBe(true);
      expect(report.signatures.failure?.sequence).toBe(26); // the first forgery stays the first bad one
      const r = await run(db, []);
      expect(r.code).toBe(1);
      expect(r.text).toContain("FAILED at sequence 26");
      // The worker will not vouch for it: no head past 25, and a critical alert, audited.
      const publish = await publishTreeHead({ db });
      expect(publish).toMatchObject({ published: false, alert: { sequence: 26 } });
      expect(await db.treeHead.count({ where: { treeSize: { gt: 25 } } })).toBe(0);
    }
    const alerts = await db.securityEvent.findMany({ where: { action: "log.tampered", severity: "critical" } });
    expect(alerts).toHaveLength(1); // raised once while it stays open
    expect(alerts[0].resource).toBe("log:26");
    // Its audit entry lands after the forgeries (appended by Grace, so signed and chained on).
    expect(await db.logEntry.count({ where: { action: "hunter.alert", resource: "log:26" } })).toBe(1);
  });

  it("the triggers dropped and the whole log rewritten without signatures, heads and tree removed: the saved head and a child-process run catch it", async () => {
    const { db, url, saved } = await logWithSavedHead();
    await db.$executeRaw`UPDATE "LogEntry" SET "signature" = '', "keyId" = ''`;
    await db.$executeRaw`UPDATE "LogEntry" SET "resource" = 'item:rewritten' WHERE "sequence" = 3`;
    await rechain(db, 1);
    await db.$executeRaw`DELETE FROM "TreeHead"`;
    await db.$executeRaw`DELETE FROM "LogTreeNode"`;
    // From the database alone it now looks like an old log from before signing began …
    expect((await verifyAuditLog({ db })).valid).toBe(true);
    // … but not against the head saved elsewhere. Run as an operator would, in its own process.
    const child = spawnSync(process.execPath, ["--import", "tsx", "scripts/audit-verify.ts", "--", "--head", saved], {
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(child.status, child.stderr).toBe(1);
    expect(child.stdout).toMatch(/saved head .*FAILED: the consistency proof from its tree \(size 20/);
    expect(child.stdout).toContain("FAILED");
  });

  it("an untouched log passes in a child process too (exit 0)", async () => {
    const { url, saved } = await logWithSavedHead();
    const child = spawnSync(process.execPath, ["--import", "tsx", "scripts/audit-verify.ts", "--", "--head", saved, "--all-signatures"], {
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(child.status, child.stdout + child.stderr).toBe(0);
    expect(child.stdout).toContain("OK: the log verified");
    expect(child.stdout).toContain("25 verified");
  });
});
