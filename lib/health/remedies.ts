import type { Db } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { reclaimExpiredLeases } from "../jobs/reclaim";
import { getSystemMode } from "../system/get-mode";
import { setSystemMode } from "../system/set-mode";
import type { LoopSettings } from "../loops/config";

export const HEALTH_ACTOR = "health-loop";

/**
 * What the health loop does after a component failed twice in a row. Each remedy changes
 * state and says what it changed; "succeeded" means the state change went through.
 */
export const remedies: Record<string, (db: Db, s: LoopSettings<"health">) => Promise<string>> = {
  // Only run while the database is unreachable, so no transaction is cut short by it.
  async database(db) {
    await db.$disconnect();
    await db.$connect();
    await db.$queryRaw`SELECT 1`;
    return "reconnected to the database";
  },
  async workers(db, s) {
    const { count } = await db.workerHeartbeat.updateMany({
      where: { status: "running", lastSeenAt: { lt: new Date(Date.now() - s.worker_stale_seconds * 1000) } },
      data: { status: "stopped" },
    });
    const requeued = await reclaimExpiredLeases({ db });
    return `marked ${count} silent worker(s) stopped; took back ${requeued} job(s) they held`;
  },
  async queue(db) {
    const requeued = await reclaimExpiredLeases({ db });
    return `requeued ${requeued} job(s) whose lease had expired`;
  },
  // A full disk corrupts nothing if nothing is written: stop writes until there is room.
  async disk(db) {
    const mode = await getSystemMode(db);
    if (mode.mode !== "normal") return `already in ${mode.mode} mode`;
    await writeTransaction((tx) => setSystemMode(tx, { mode: "read_only", reason: "disk space low in the data dir", actor: HEALTH_ACTOR }), db);
    return "switched to read_only mode until there is disk space again";
  },
};
