import { db as defaultDb, type Db } from "../db/client";

export type ListEntriesOptions = {
  limit: number;
  /** Entries with a sequence below this one (newest first). */
  beforeSequence?: number;
  actor?: string;
  subsystem?: string;
  action?: string;
  db?: Db;
};

/** Newest first; fetches one extra row so the caller knows whether there is a next page. */
export async function listEntries(o: ListEntriesOptions) {
  return (o.db ?? defaultDb).logEntry.findMany({
    where: {
      ...(o.beforeSequence !== undefined ? { sequence: { lt: o.beforeSequence } } : {}),
      ...(o.actor ? { actor: o.actor } : {}),
      ...(o.subsystem ? { subsystem: o.subsystem } : {}),
      ...(o.action ? { action: o.action } : {}),
    },
    orderBy: { sequence: "desc" },
    take: o.limit + 1,
  });
}
