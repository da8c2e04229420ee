import { Prisma, type Tx } from "../db/client";
import { sign } from "node:crypto";
import { canonicalEntryText, canonicalJson, leafHashOf, sha256Hex } from "./hash";
import { signingKey } from "./signing-key";

export type AuditEvent = {
  /** Who did it: a username, or "system" / "worker" for Grace itself. */
  actor: string;
  /** What was done, dotted: "auth.login", "token.create", … */
  action: string;
  /** What it was done to: "user:3", "token:12", … */
  resource: string;
  subsystem: string;
  payload?: Record<string, unknown>;
  /** "success", "failure", "denied", … */
  result: string;
};

/**
 * Appends one entry to the tamper-evident log inside the caller's transaction, so the
 * entry exists exactly when the change it describes was committed.
 *
 * Its first statement is a write to the single head row: on PostgreSQL that row lock
 * orders concurrent appenders; on SQLite it takes the write lock before anything is read
 * (a deferred transaction that reads first cannot be retried by the busy timeout). Open the
 * transaction with writeTransaction (lib/db/transaction.ts), which takes that lock first.
 */
export async function append(o: { tx: Tx } & AuditEvent) {
  const { tx, ...event } = o;
  return (await appendMany({ tx, events: [event] }))[0];
}

/**
 * Appends several entries, chained in the order given, with three statements however many
 * there are: one head update that reserves the sequence numbers, one multi-row insert, one
 * head update with the last hash. Used where one transaction records many changes at once.
 */
export async function appendMany(o: { tx: Tx; events: AuditEvent[] }) {
  const { tx, events } = o;
  // The client itself type-checks as a Tx (only it has $connect); outside a transaction the
  // head update and the insert could interleave with another appender and fork the chain.
  if ("$connect" in (tx as object)) throw new Error("append() must run inside a transaction (use writeTransaction)");
  if (events.length === 0) return [];
  const rows = await tx.$queryRaw<{ sequence: number | bigint; lastHash: string }[]>`
    UPDATE "LogHead" SET "sequence" = "sequence" + ${events.length} WHERE "id" = 1 RETURNING "sequence", "lastHash"`;
  if (rows.length !== 1) throw new Error("the audit log head row is missing; run the migrations");
  // RETURNING gives the head after the update: the reserved numbers end at it.
  const first = Number(rows[0].sequence) - events.length + 1;
  let prevHash = rows[0].lastHash;
  const timestamp = new Date();
  // Signed here, by the process that appends (the sequence and prev_hash are only known now,
  // under the head lock): ~50 µs an entry with a cached key (docs/benchmarks.md, bench:audit).
  const key = signingKey();
  const entries = events.map((event, i) => {
    const sequence = first + i;
    const payloadText = canonicalJson(event.payload ?? {});
    const canonical = canonicalEntryText({ ...event, sequence, timestamp, prevHash, payloadText });
    const hash = sha256Hex(canonical);
    const entry = {
      sequence,
      timestamp,
      actor: event.actor,
      action: event.action,
      resource: event.resource,
      subsystem: event.subsystem,
      payload: payloadText,
      result: event.result,
      prevHash,
      entryHash: hash,
      signature: sign(null, leafHashOf(canonical), key.privateKey).toString("base64"),
      keyId: key.keyId,
    };
    prevHash = hash;
    return entry;
  });
  // Raw SQL: on the hot path of every audited write, a query-builder insert costs several
  // times more than the statement itself (docs/benchmarks.md).
  // In slices, well under SQLite's and PostgreSQL's limits on bound parameters per statement.
  for (let i = 0; i < entries.length; i += 500) {
    const values = entries
      .slice(i, i + 500)
      .map((e) => Prisma.sql`(${e.sequence}, ${e.timestamp}, ${e.actor}, ${e.action}, ${e.resource}, ${e.subsystem}, ${e.payload}, ${e.result}, ${e.prevHash}, ${e.entryHash}, ${e.signature}, ${e.keyId})`);
    await tx.$executeRaw`INSERT INTO "LogEntry" ("sequence", "timestamp", "actor", "action", "resource", "subsystem", "payload", "result", "prevHash", "entryHash", "signature", "keyId") VALUES ${Prisma.join(values)}`;
  }
  await tx.$executeRaw`UPDATE "LogHead" SET "lastHash" = ${prevHash}, "updatedAt" = ${timestamp} WHERE "id" = 1`;
  return entries;
}
