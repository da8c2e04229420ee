// Cross-process cache invalidation through version rows (CacheVersion): a process caches
// something (sessions, trust scores) together with the version it read; whoever changes the
// underlying data bumps the version in the same transaction; every process notices within
// `maxAgeMs`, at the cost of one primary-key read of a tiny row per name and period.
import { db as defaultDb, type Db, type Tx } from "./client";

const DEFAULT_MAX_AGE_MS = 1000;
const seen = new Map<string, { version: number; at: number; reading?: Promise<number> }>();
// After this process bumps a name, reads skip the cache for a moment: the bump commits after
// bumpCacheVersion returns, and a read in between must not keep the old version for a period.
const bumpedUntil = new Map<string, number>();

/** The current version of `name`, read at most once per `maxAgeMs` per process. */
export async function readCacheVersion(name: string, o: { db?: Db; maxAgeMs?: number } = {}): Promise<number> {
  const now = Date.now();
  const known = seen.get(name);
  const fresh = (bumpedUntil.get(name) ?? 0) < now;
  if (known && fresh && now - known.at < (o.maxAgeMs ?? DEFAULT_MAX_AGE_MS)) return known.version;
  if (known?.reading) return known.reading;
  const reading = (o.db ?? defaultDb).cacheVersion
    .findUnique({ where: { name }, select: { version: true } })
    .then((row) => {
      const version = row?.version ?? 0;
      seen.set(name, { version, at: Date.now() });
      return version;
    })
    .catch((error) => {
      seen.delete(name);
      throw error;
    });
  seen.set(name, { version: known?.version ?? -1, at: known?.at ?? 0, reading });
  return reading;
}

/** Bumps `name` inside the caller's transaction, so the change and the invalidation commit together. */
export async function bumpCacheVersion(o: { tx: Tx; name: string }): Promise<number> {
  const { tx, name } = o;
  const row = await tx.cacheVersion.upsert({ where: { name }, create: { name, version: 1 }, update: { version: { increment: 1 } }, select: { version: true } });
  seen.delete(name); // this process sees its own change at once
  bumpedUntil.set(name, Date.now() + 2000);
  return row.version;
}
