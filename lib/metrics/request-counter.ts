// Requests are counted in memory per 10-second bucket and flushed every 10 seconds — one
// statement per flush per process, never a write per request. The meta loop reads the sums.
import { db as defaultDb, Prisma, type Db } from "../db/client";

export const BUCKET_MS = 10_000;
type Entry = { name: string; bucketStart: number; count: number; totalMs: number };
const pending = new Map<string, Entry>();
const keyOf = (e: { name: string; bucketStart: number }) => `${e.name}:${e.bucketStart}`;
let timer: NodeJS.Timeout | undefined;
// Flushes run one after another: two at once would both write the same counts.
let flushes: Promise<void> = Promise.resolve();

export function countRequest(name: string, durationMs: number, now = Date.now()) {
  const bucketStart = now - (now % BUCKET_MS);
  const key = keyOf({ name, bucketStart });
  const entry = pending.get(key) ?? { name, bucketStart, count: 0, totalMs: 0 };
  entry.count += 1;
  entry.totalMs += durationMs;
  pending.set(key, entry);
  if (!timer) {
    timer = setInterval(() => void flushRequestCounts().catch((e) => console.error("[metrics] flush failed; the counts are kept for the next one", e)), BUCKET_MS);
    timer.unref();
  }
}

/**
 * Writes the counts gathered so far. They leave memory only once the statement that adds them
 * has committed: a failed flush keeps them for the next one, and requests counted while a
 * flush runs are kept on top of them.
 */
export function flushRequestCounts(o: { db?: Db } = {}): Promise<void> {
  const { db = defaultDb } = o;
  const run = flushes.then(() => flushOnce(db));
  // The next flush waits for this one, whatever its outcome; the outcome itself goes to our caller.
  flushes = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}

async function flushOnce(db: Db) {
  const snapshot = [...pending.values()].map((e) => ({ ...e }));
  // In slices well under both databases' limits on bound parameters; each statement is atomic.
  for (let i = 0; i < snapshot.length; i += 500) {
    const slice = snapshot.slice(i, i + 500);
    const rows = slice.map((e) => Prisma.sql`(${e.name}, ${new Date(e.bucketStart)}, ${e.count}, ${e.totalMs})`);
    // One upsert for every bucket: another process may have created the same bucket, so add to it.
    await db.$executeRaw`
      INSERT INTO "MetricBucket" ("name", "bucketStart", "count", "totalMs") VALUES ${Prisma.join(rows)}
      ON CONFLICT ("name", "bucketStart") DO UPDATE SET "count" = "MetricBucket"."count" + excluded."count", "totalMs" = "MetricBucket"."totalMs" + excluded."totalMs"`;
    for (const e of slice) {
      const current = pending.get(keyOf(e));
      if (!current) continue;
      current.count -= e.count;
      current.totalMs -= e.totalMs;
      if (current.count <= 0) pending.delete(keyOf(e));
    }
  }
}

/** Counts not yet written (tests, and a last flush on shutdown). */
export function pendingRequestCount(): number {
  let n = 0;
  for (const e of pending.values()) n += e.count;
  return n;
}

/** Sum of a counter over the last `ms` milliseconds. */
export async function countSince(o: { name: string; ms: number; db?: Db; now?: number }) {
  const { name, ms, db = defaultDb, now = Date.now() } = o;
  const from = now - ms;
  const r = await db.metricBucket.aggregate({ where: { name, bucketStart: { gt: new Date(from - (from % BUCKET_MS) - 1) } }, _sum: { count: true } });
  return r._sum.count ?? 0;
}
