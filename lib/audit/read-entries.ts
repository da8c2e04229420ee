import type { Db } from "../db/client";

export type StoredEntry = {
  sequence: number;
  timestamp: Date;
  actor: string;
  action: string;
  resource: string;
  subsystem: string;
  payload: string;
  result: string;
  prevHash: string;
  entryHash: string;
  signature: string;
  keyId: string;
};

/**
 * Entries with from < sequence ≤ to, in order, a batch at a time. Raw SQL: a verification reads
 * every entry, and the query builder costs more per row than the hashing does.
 */
export async function* readEntries(o: { db: Db; from: number; to: number; batch?: number }): AsyncGenerator<StoredEntry[]> {
  const batch = o.batch ?? 5000;
  let after = o.from;
  while (after < o.to) {
    const rows = await o.db.$queryRaw<(StoredEntry & { sequence: number | bigint })[]>`
      SELECT "sequence", "timestamp", "actor", "action", "resource", "subsystem", "payload", "result", "prevHash", "entryHash", "signature", "keyId"
      FROM "LogEntry" WHERE "sequence" > ${after} AND "sequence" <= ${o.to} ORDER BY "sequence" LIMIT ${batch}`;
    if (rows.length === 0) return;
    for (const r of rows) {
      r.sequence = Number(r.sequence);
      if (!(r.timestamp instanceof Date)) r.timestamp = new Date(r.timestamp as unknown as string);
    }
    yield rows as StoredEntry[];
    after = Number(rows[rows.length - 1].sequence);
  }
}
