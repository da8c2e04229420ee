import type { Db, Tx } from "../db/client";
import { takeBackExpiredLeases } from "../jobs/reclaim";
import { setSystemMode } from "../system/set-mode";
import type { LoopSettings } from "../loops/config";
import { HEALTH_ACTOR } from "../audit/actors";

export { HEALTH_ACTOR };

export type Remedy = (o: { tx: Tx; settings: LoopSettings<"health"> }) => Promise<string>;

/**
 * What the health loop does after a component failed twice in a row. Each remedy changes
 * state inside the transaction that also records the healing action and its audit entry, so
 * the change and its record commit together or not at all. It returns what it changed.
 */
export const remedies: Record<string, Remedy> = {
  async workers({ tx, settings: s }) {
    const { count } = await tx.workerHeartbeat.updateMany({
      where: { status: "running", lastSeenAt: { lt: new Date(Date.now() - s.worker_stale_seconds * 1000) } },
      data: { status: "stopped" },
    });
    const requeued = await takeBackExpiredLeases({ tx, actor: HEALTH_ACTOR });
    return `marked ${count} silent worker(s) stopped; took back ${requeued} job(s) they held`;
  },
  async queue({ tx }) {
    const requeued = await takeBackExpiredLeases({ tx, actor: HEALTH_ACTOR });
    return `requeued ${requeued} job(s) whose lease had expired`;
  },
  // A full disk corrupts nothing if nothing is written: stop writes until there is room.
  async disk({ tx }) {
    const state = await tx.systemState.findUniqueOrThrow({ where: { id: 1 } });
    if (state.mode !== "normal") return `already in ${state.mode} mode`;
    await setSystemMode({ tx, mode: "read_only", reason: "disk space low in the data dir", actor: HEALTH_ACTOR });
    return "switched to read_only mode until there is disk space again";
  },
};

/**
 * The database's remedy changes no row (it cannot: the database is what failed): only run
 * while the database is unreachable, so no transaction is cut short by it.
 */
export async function reconnectDatabase(o: { db: Db }): Promise<string> {
  const { db } = o;
  await db.$disconnect();
  await db.$connect();
  await db.$queryRaw`SELECT 1`;
  return "reconnected to the database";
}
