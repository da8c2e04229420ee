import { db as defaultDb, type Db, type Prisma } from "../db/client";
import { ROUTINE_ENTRIES } from "./routine";

export type ListEntriesOptions = {
  limit: number;
  /** Entries with a sequence below this one (newest first). */
  beforeSequence?: number;
  actor?: string;
  subsystem?: string;
  action?: string;
  /** Entries written at or after this time … */
  from?: Date;
  /** … and at or before this one. */
  to?: Date;
  /** false: leave out routine entries (lib/audit/routine.ts). */
  routine?: boolean;
  db?: Db;
};

/**
 * Newest first; fetches one extra row so the caller knows whether there is a next page.
 *
 * A time range is turned into a range of sequence numbers first (two look-ups on the
 * (timestamp, sequence) index): entries are stamped in sequence order under the head lock, so the
 * entries of a period are one run of the chain, and the page is then read along the
 * sequence (or an (x, sequence) index) with no sort. The timestamps are also checked on the
 * rows themselves, so an entry outside the range is never shown.
 */
export async function listEntries(o: ListEntriesOptions) {
  const db = o.db ?? defaultDb;
  const range = await sequenceRange(db, o);
  if (range === null) return [];
  const below = Math.min(o.beforeSequence ?? Infinity, range.to !== undefined ? range.to + 1 : Infinity);
  const sequence: Prisma.IntFilter = {
    ...(Number.isFinite(below) ? { lt: below } : {}),
    ...(range.from !== undefined ? { gte: range.from } : {}),
  };
  return db.logEntry.findMany({
    where: {
      ...(Object.keys(sequence).length ? { sequence } : {}),
      ...(o.actor ? { actor: o.actor } : {}),
      ...(o.subsystem ? { subsystem: o.subsystem } : {}),
      ...(o.action ? { action: o.action } : {}),
      ...(o.from || o.to ? { timestamp: { ...(o.from ? { gte: o.from } : {}), ...(o.to ? { lte: o.to } : {}) } } : {}),
      ...(o.routine === false ? { NOT: ROUTINE_ENTRIES.map((r) => ({ actor: r.actor, action: r.action })) } : {}),
    },
    orderBy: { sequence: "desc" },
    take: o.limit + 1,
  });
}

/** The sequence numbers of the first and last entries in [from, to]; null when there are none. */
async function sequenceRange(db: Db, o: { from?: Date; to?: Date }): Promise<{ from?: number; to?: number } | null> {
  if (o.from && o.to && o.from > o.to) return null;
  const out: { from?: number; to?: number } = {};
  if (o.from) {
    const first = await db.logEntry.findFirst({ where: { timestamp: { gte: o.from } }, orderBy: [{ timestamp: "asc" }, { sequence: "asc" }], select: { sequence: true } });
    if (!first) return null;
    out.from = first.sequence;
  }
  if (o.to) {
    const last = await db.logEntry.findFirst({ where: { timestamp: { lte: o.to } }, orderBy: [{ timestamp: "desc" }, { sequence: "desc" }], select: { sequence: true } });
    if (!last) return null;
    out.to = last.sequence;
  }
  return out;
}
