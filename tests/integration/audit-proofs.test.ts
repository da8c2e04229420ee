// Signed entries, signed tree heads, proofs through the API, and witnessing between two Graces.
import { createHash, createPublicKey, generateKeyPairSync, verify } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import * as inclusion from "../../app/api/log/proof/inclusion/route";
import * as consistency from "../../app/api/log/proof/consistency/route";
import * as treeHeads from "../../app/api/log/tree-heads/route";
import * as latest from "../../app/api/log/tree-heads/latest/route";
import * as publicKey from "../../app/api/log/public-key/route";
import * as entry from "../../app/api/log/entries/[sequence]/route";
import * as logVerify from "../../app/api/log/verify/route";
import * as witness from "../../app/api/log/witness/route";
import { appendMany } from "../../lib/audit/append";
import { publishTreeHead } from "../../lib/audit/publish-tree-head";
import { sendToWitnesses } from "../../lib/audit/send-to-witnesses";
import { proveConsistency } from "../../lib/audit/prove-consistency";
import { verifyConsistency, verifyInclusion } from "../../lib/audit/merkle";
import { treeHeadValid } from "../../lib/audit/tree-head-message";
import { verifyAuditLog } from "../../lib/audit/verify-audit-log";
import { auditVerifyCommand } from "../../lib/audit/audit-verify-command";
import type { Db } from "../../lib/db/client";
import { writeTransaction } from "../../lib/db/transaction";
import { call, createUser, db, tokenFor } from "../helpers/api";
import { otherDatabase } from "../helpers/second-database";

const event = (i: number, actor = "tester") => ({ actor, action: "test.append", resource: `item:${i}`, subsystem: "test", payload: { i, text: "é\u2028\"" }, result: "success" });
const append = (n: number, target: Db = db, actor?: string) => writeTransaction((tx) => appendMany({ tx, events: Array.from({ length: n }, (_, i) => event(i, actor)) }), target);
const hex = (s: string) => Buffer.from(s, "hex");

describe("signed entries, tree heads and proofs", async () => {
  const admin = await createUser({ role: "admin" });
  const alice = await createUser();
  const adminToken = await tokenFor(admin);
  const aliceToken = await tokenFor(alice);

  it("signs each entry over its leaf hash, under the key the API publishes", async () => {
    await append(3);
    const key = await call(publicKey.GET, { bearer: aliceToken });
    expect(key.json).toMatchObject({ algorithm: "Ed25519", key_id: expect.stringMatching(/^[0-9a-f]{16}$/) });
    const pub = createPublicKey(key.json.public_key_pem);
    const raw = pub.export({ type: "spki", format: "der" }).subarray(-32);
    expect(createHash("sha256").update(raw).digest("hex").slice(0, 16)).toBe(key.json.key_id);
    const rows = await db.logEntry.findMany({ orderBy: { sequence: "asc" } });
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const r of rows) {
      const detail = await call(entry.GET, { bearer: adminToken, params: { sequence: String(r.sequence) } });
      expect(detail.json.signature_status).toBe("valid");
      const canonical = Buffer.from(detail.json.canonical, "base64");
      expect(createHash("sha256").update(canonical).digest("hex")).toBe(r.entryHash);
      const leaf = createHash("sha256").update(Buffer.from([0])).update(canonical).digest();
      expect(leaf.toString("hex")).toBe(detail.json.leaf_hash);
      expect(verify(null, leaf, pub, Buffer.from(r.signature, "base64"))).toBe(true);
      expect(r.keyId).toBe(key.json.key_id);
    }
    // Someone else's entry is not shown to alice.
    expect((await call(entry.GET, { bearer: aliceToken, params: { sequence: String(rows[0].sequence) } })).status).toBe(404);
  });

  it("publishes a head only when the log grew, and serves proofs that verify by RFC 9162", async () => {
    expect((await call(latest.GET, { bearer: aliceToken })).status).toBe(404);
    const none = await call(inclusion.GET, { bearer: aliceToken, path: "/api/log/proof/inclusion?sequence=1" });
    expect(none.status).toBe(422);
    expect(none.json.error.fields[0].field).toBe("query.tree_size");

    const first = await publishTreeHead();
    expect(first.published).toBe(true);
    expect(await publishTreeHead()).toMatchObject({ published: false });
    await append(10);
    const second = await publishTreeHead();
    expect(second.published).toBe(true);
    const m = first.head!.tree_size;
    const n = second.head!.tree_size;
    expect(n).toBe(m + 10);

    const key = createPublicKey((await call(publicKey.GET, { bearer: aliceToken })).json.public_key_pem);
    const heads = await call(treeHeads.GET, { bearer: aliceToken, path: "/api/log/tree-heads?limit=1" });
    expect(heads.json.items).toHaveLength(1);
    expect(heads.json.items[0].tree_size).toBe(n);
    const older = await call(treeHeads.GET, { bearer: aliceToken, path: `/api/log/tree-heads?limit=1&cursor=${heads.json.next_cursor}` });
    expect(older.json.items[0].tree_size).toBe(m);
    for (const h of [...heads.json.items, ...older.json.items]) {
      expect(treeHeadValid(h, key)).toBe(true);
      expect(Buffer.from(h.signed_message, "base64").toString()).toBe(`grace-log/v1\n${h.key_id}\n${h.tree_size}\n${h.root_hash}\n${h.timestamp}\n`);
    }
    const head = (await call(latest.GET, { bearer: aliceToken })).json;
    expect(head.tree_size).toBe(n);

    for (let sequence = 1; sequence <= n; sequence++) {
      const p = await call(inclusion.GET, { bearer: aliceToken, path: `/api/log/proof/inclusion?sequence=${sequence}&tree_size=${n}` });
      expect(p.status).toBe(200);
      const detail = await call(entry.GET, { bearer: adminToken, params: { sequence: String(sequence) } });
      expect(p.json.leaf_hash).toBe(detail.json.leaf_hash);
      expect(p.json.root_hash).toBe(head.root_hash);
      expect(verifyInclusion({ leafIndex: sequence - 1, treeSize: n, leafHash: hex(p.json.leaf_hash), path: p.json.audit_path.map(hex), root: hex(head.root_hash) })).toBe(true);
    }
    const c = await call(consistency.GET, { bearer: aliceToken, path: `/api/log/proof/consistency?first=${m}&second=${n}` });
    expect(c.json).toMatchObject({ first: m, second: n, first_root: first.head!.root_hash, second_root: head.root_hash });
    expect(verifyConsistency({ first: m, second: n, firstRoot: hex(c.json.first_root), secondRoot: hex(c.json.second_root), proof: c.json.proof.map(hex) })).toBe(true);

    // Out of range: 422 naming the field.
    const cases: [string, string][] = [
      [`/api/log/proof/inclusion?sequence=${n + 1}&tree_size=${n}`, "query.sequence"],
      [`/api/log/proof/inclusion?sequence=1&tree_size=${n + 1}`, "query.tree_size"],
      [`/api/log/proof/inclusion?sequence=0`, "query.sequence"],
      [`/api/log/proof/consistency?first=${n}&second=${m}`, "query.first"],
      [`/api/log/proof/consistency?first=1&second=${n + 5}`, "query.second"],
      [`/api/log/proof/consistency?first=x`, "query.first"],
    ];
    for (const [path, field] of cases) {
      const res = await call(path.includes("inclusion") ? inclusion.GET : consistency.GET, { bearer: aliceToken, path });
      expect(res.status, path).toBe(422);
      expect(res.json.error.fields[0].field, path).toBe(field);
    }
    expect((await call(inclusion.GET, { path: "/api/log/proof/inclusion?sequence=1" })).status).toBe(401);
  });

  it("GET /api/log/verify keeps its shape and adds the proofs", async () => {
    const res = await call(logVerify.GET, { bearer: aliceToken });
    expect(res.json).toMatchObject({ valid: true, first_bad_sequence: null, reason: null, signatures: { valid: true }, tree_heads: { valid: true }, latest_head: { tree_size: expect.any(Number) } });
    expect(res.json.entries_verified).toBe(res.json.checked);
    expect(res.json.sequence_range).toBe(`1-${res.json.checked}`);
  });
});

describe("witnessing between two Graces", () => {
  const opened: { close: () => Promise<void> }[] = [];
  afterAll(async () => {
    for (const o of opened) await o.close();
    delete process.env.GRACE_SIGNING_KEY;
  });
  const pem = () => generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const witnessKey = pem();
  const logKey = pem();

  it("countersigns heads that extend the last one, refuses a rewritten log, and raises alerts on both sides", async () => {
    // The witness is this test file's Grace (its routes, its database); the log is another one.
    const witnessUser = await createUser();
    const token = await tokenFor(witnessUser);
    const log = await otherDatabase();
    opened.push(log);
    const asWitness = async <T>(fn: () => Promise<T>) => {
      process.env.GRACE_SIGNING_KEY = witnessKey;
      try {
        return await fn();
      } finally {
        process.env.GRACE_SIGNING_KEY = logKey;
      }
    };
    // The witness's HTTP API, reached without a network.
    const fetchImpl = (async (url: string | URL, init?: RequestInit) => {
      const u = new URL(String(url));
      const headers = Object.fromEntries(new Headers(init?.headers).entries());
      const res = await asWitness(() =>
        init?.method === "POST"
          ? call(witness.POST, { path: u.pathname, rawBody: String(init.body), headers: { ...headers }, method: "POST" })
          : call(witness.GET, { path: `${u.pathname}${u.search}`, headers }),
      );
      return new Response(res.text, { status: res.status, headers: { "content-type": "application/json" } });
    }) as typeof fetch;
    const witnesses = [`http://${token}@witness.test`];
    process.env.GRACE_SIGNING_KEY = logKey;

    await append(5, log.db);
    const h1 = await publishTreeHead({ db: log.db });
    expect(await sendToWitnesses({ head: h1.head!, db: log.db, witnesses, fetchImpl })).toMatchObject([{ status: "countersigned", witness: "http://witness.test" }]);
    await append(7, log.db);
    const h2 = await publishTreeHead({ db: log.db });
    expect(await sendToWitnesses({ head: h2.head!, db: log.db, witnesses, fetchImpl })).toMatchObject([{ status: "countersigned" }]);
    const records = await log.db.treeHeadWitness.findMany({ orderBy: { id: "asc" } });
    expect(records.map((r) => [r.treeSize, r.status])).toEqual([
      [h1.head!.tree_size, "countersigned"],
      [h2.head!.tree_size, "countersigned"],
    ]);
    expect(records.every((r) => r.witnessUrl === "http://witness.test" && !r.witnessUrl.includes(token))).toBe(true);
    expect(await db.witnessedHead.count()).toBe(2);

    // audit:verify --witness: the log extends what the witness countersigned.
    const lines: string[] = [];
    expect(await auditVerifyCommand({ db: log.db, argv: ["--witness", "http://witness.test"], print: (l) => lines.push(l), fetchImpl })).toBe(0);
    expect(lines.join("\n")).toMatch(/countersignature on head \d+ valid/);
    expect(lines.join("\n")).toContain("the log extends it (consistency proof verified)");
    expect(lines.join("\n")).toContain("witness http://witness.test: 2 of 2 recorded countersignatures valid");

    // The log is rewritten wholesale on its own machine (heads and tree too), then grows.
    if (log.config.provider === "sqlite") {
      await log.db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS "LogEntry_no_update"`);
      await log.db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS "LogEntry_no_delete"`);
    } else {
      await log.db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS "LogEntry_no_update_delete" ON "LogEntry"`);
    }
    await log.db.$executeRaw`DELETE FROM "LogEntry" WHERE "sequence" > 3`;
    await log.db.$executeRaw`DELETE FROM "TreeHead"`;
    await log.db.$executeRaw`DELETE FROM "LogTreeNode"`;
    const last = await log.db.logEntry.findUniqueOrThrow({ where: { sequence: 3 } });
    await log.db.$executeRaw`UPDATE "LogHead" SET "sequence" = 3, "lastHash" = ${last.entryHash} WHERE "id" = 1`;
    await append(20, log.db, "someone-else"); // a different history past entry 3, signed by the (stolen-process) key
    const forked = await publishTreeHead({ db: log.db });
    expect(forked.published).toBe(true);
    const refused = await sendToWitnesses({ head: forked.head!, db: log.db, witnesses, fetchImpl });
    expect(refused).toMatchObject([{ status: "refused" }]);
    expect(refused[0].error).toContain("consistency proof fails");
    // Both sides raised a critical alert, audited.
    for (const side of [db, log.db]) {
      const alert = await side.securityEvent.findFirst({ where: { action: "log.witness_refused", severity: "critical" } });
      expect(alert).not.toBeNull();
      expect(await side.logEntry.count({ where: { action: "hunter.alert", payload: { contains: `"event_id":${alert!.id}` } } })).toBe(1);
    }
    // The witness kept what it had; audit:verify against it fails with the failed proof.
    expect(await db.witnessedHead.count()).toBe(2);
    const report = await verifyAuditLog({ db: log.db });
    expect(report.valid).toBe(true); // from its own database alone the rewrite is invisible …
    const out: string[] = [];
    expect(await auditVerifyCommand({ db: log.db, argv: ["--witness", "http://witness.test"], print: (l) => out.push(l), fetchImpl })).toBe(1); // … not to the witness
    expect(out.join("\n")).toMatch(/witness http:\/\/witness.test \(size \d+\): FAILED: the consistency proof/);
  });

  it("refuses a head whose signature does not match, and one that is older than what it saw", async () => {
    const user = await createUser();
    const token = await tokenFor(user);
    const logKeyOfOther = pem();
    process.env.GRACE_SIGNING_KEY = logKeyOfOther;
    const other = await otherDatabase();
    opened.push(other);
    await append(4, other.db);
    const head = (await publishTreeHead({ db: other.db })).head!;
    const publicKeyPem = (await call(publicKey.GET, { bearer: token })).json.public_key_pem;
    process.env.GRACE_SIGNING_KEY = witnessKey;
    const send = (body: unknown) => call(witness.POST, { bearer: token, body });
    const bad = await send({ head: { ...head, root_hash: "ab".repeat(32) }, public_key_pem: publicKeyPem, first: 0, proof: [] });
    expect(bad.status).toBe(422);
    expect(bad.json.error.fields[0].field).toBe("body.head.signature");
    expect((await send({ head, public_key_pem: publicKeyPem, first: 0, proof: [] })).status).toBe(200);
    expect((await send({ head, public_key_pem: publicKeyPem, first: 0, proof: [] })).status).toBe(200); // the same head again: same answer
    // The log grows; a proof from the wrong size is a 422, from the right one it is countersigned.
    process.env.GRACE_SIGNING_KEY = logKeyOfOther;
    await append(4, other.db);
    const newer = (await publishTreeHead({ db: other.db })).head!;
    const proof = (await proveConsistency({ db: other.db, first: head.tree_size, second: newer.tree_size })).proof;
    process.env.GRACE_SIGNING_KEY = witnessKey;
    const stale = await send({ head: newer, public_key_pem: publicKeyPem, first: 1, proof });
    expect(stale.status).toBe(422);
    expect(stale.json.error.fields[0].field).toBe("body.first");
    expect((await send({ head: newer, public_key_pem: publicKeyPem, first: head.tree_size, proof })).status).toBe(200);
    // The older head now: refused, a roll-back.
    const older = await send({ head, public_key_pem: publicKeyPem, first: 0, proof: [] });
    expect(older.status).toBe(409);
    expect(older.json.error.message).toContain("rolled back");
    process.env.GRACE_SIGNING_KEY = logKey;
  });
});
