import { db as defaultDb, type Db } from "../db/client";

export type SystemMode = { mode: "normal" | "read_only" | "emergency"; reason: string; changedAt: Date };

// Read on every mutating request, so cached per process for a second: a mode change
// reaches every process within that second without a query per request.
const TTL_MS = 1000;
let cached: { value: SystemMode; at: number } | undefined;

export async function getSystemMode(o: { db?: Db } = {}): Promise<SystemMode> {
  const { db = defaultDb } = o;
  if (cached && Date.now() - cached.at < TTL_MS) return cached.value;
  const row = await db.systemState.findUnique({ where: { id: 1 } });
  const value: SystemMode = row
    ? { mode: row.mode as SystemMode["mode"], reason: row.reason, changedAt: row.changedAt }
    : { mode: "normal", reason: "", changedAt: new Date(0) };
  cached = { value, at: Date.now() };
  return value;
}

export function forgetSystemMode() {
  cached = undefined;
}
