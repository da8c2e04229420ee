import { db as defaultDb, type Db } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { append } from "../audit";
import { getLoopConfig } from "../loops/config";
import { setSystemMode } from "../system/set-mode";
import { runChecks } from "./checks";
import { HEALTH_ACTOR, remedies } from "./remedies";

/**
 * One health cycle: checks every component and records each result with its latency; a
 * component that failed `failures_before_remedy` times in a row gets its remedy, recorded as
 * a healing action (and audited). Lifts the read-only mode it set itself once the disk recovers.
 */
export async function runHealthCycle(o: { db?: Db } = {}) {
  const db = o.db ?? defaultDb;
  const { settings } = await getLoopConfig(db, "health");
  const results = await runChecks(db, settings);
  await db.healthCheck.createMany({
    data: results.map((r) => ({ component: r.component, status: r.status, latencyMs: Math.round(r.latencyMs * 100) / 100, error: r.error })),
  });

  const actions: { component: string; action: string; result: string; detail: string }[] = [];
  for (const r of results) {
    if (r.status === "ok") continue;
    const recent = await db.healthCheck.findMany({ where: { component: r.component }, orderBy: { id: "desc" }, take: settings.failures_before_remedy, select: { status: true } });
    const failing = recent.length >= settings.failures_before_remedy && recent.every((c) => c.status !== "ok");
    const remedy = remedies[r.component];
    if (!failing || !remedy) continue;
    let result = "succeeded";
    let detail: string;
    try {
      detail = await remedy(db, settings);
    } catch (error) {
      result = "failed";
      detail = error instanceof Error ? error.message : String(error);
    }
    const action = { component: r.component, action: `remedy:${r.component}`, result, detail };
    await writeTransaction(async (tx) => {
      await tx.healingAction.create({ data: action });
      await append(tx, { actor: HEALTH_ACTOR, action: "health.heal", resource: `component:${r.component}`, subsystem: "health", payload: { problem: r.error, detail }, result: result === "succeeded" ? "success" : "failure" }, );
    }, db);
    actions.push(action);
  }

  const disk = results.find((r) => r.component === "disk");
  if (disk?.status === "ok") {
    const state = await db.systemState.findUniqueOrThrow({ where: { id: 1 } });
    if (state.mode === "read_only" && state.changedBy === HEALTH_ACTOR) {
      await writeTransaction((tx) => setSystemMode(tx, { mode: "normal", reason: "disk space recovered", actor: HEALTH_ACTOR }), db);
    }
  }
  return { results, actions };
}
