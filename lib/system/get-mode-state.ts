import { db as defaultDb, type Db } from "../db/client";

/** The system mode as stored, read fresh (not the per-process cached copy), with who set it. */
export async function getModeState(o: { db?: Db } = {}) {
  const db = o.db ?? defaultDb;
  const s = await db.systemState.findUniqueOrThrow({ where: { id: 1 } });
  return serializeModeState(s);
}

export function serializeModeState(s: { mode: string; reason: string; changedAt: Date; changedBy: string | null }) {
  return { mode: s.mode, reason: s.reason, changed_at: s.changedAt.toISOString(), changed_by: s.changedBy };
}
