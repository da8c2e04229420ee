// Requests are counted in memory per 10-second bucket and flushed every 10 seconds — one
// upsert per bucket per process, never a write per request. The meta loop reads the sums.
import { db as defaultDb, type Db } from "../db/client";

export const BUCKET_MS = 10_000;
const pending = new Map<string, { name: string; bucketStart: number; count: number; totalMs: number }>();
let timer: NodeJS.Timeout | undefined;

export function countRequest(name: string, durationMs: number, now = Date.now()) {
  const bucketStart = now - (now % BUCKET_MS);
  const key = `${name}:${bucketStart}`;
  const entry = pending.get(key) ?? { name, bucketStart, count: 0, totalMs: 0 };
  entry.count += 1;
  entry.totalMs += durationMs;
  pending.set(key, entry);
  if (!timer) {
    timer = setInterval(() => void flushRequestCounts().catch((e) => console.error("[metrics] flush failed", e)), BUCKET_MS);
    timer.unref();
  }
}

export async function flushRequestCounts(db: Db = defaultDb) {
  const entries = [...pending.values()];
  pending.clear();
  for (const e of entries) {
    const where = { name_bucketStart: { name: e.name, bucketStart: new Date(e.bucketStart) } };
    const data = { count: { increment: e.count }, totalMs: { increment: e.totalMs } };
    try {
      await db.metricBucket.upsert({ where, create: { name: e.name, bucketStart: new Date(e.bucketStart), count: e.count, totalMs: e.totalMs }, update: data });
    } catch (error) {
      // Two processes created the same bucket at once: it exists now, so add to it.
      if ((error as { code?: string }).code !== "P2002") throw error;
      await db.metricBucket.update({ where, data });
    }
  }
}

/** Sum of a counter over the last `ms` milliseconds. */
export async function countSince(name: string, ms: number, db: Db = defaultDb, now = Date.now()) {
  const from = now - ms;
  const r = await db.metricBucket.aggregate({ where: { name, bucketStart: { gt: new Date(from - (from % BUCKET_MS) - 1) } }, _sum: { count: true } });
  return r._sum.count ?? 0;
}
