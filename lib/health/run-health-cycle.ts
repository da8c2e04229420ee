import { db as defaultDb, type Db, type Tx } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { append } from "../audit";
import { getLoopConfig } from "../loops/config";
import { setSystemMode } from "../system/set-mode";
import { getSystemMode, type SystemMode } from "../system/get-mode";
import { writeStatus } from "../db/write-availability";
import { problemFor, runChecks, type CheckResult } from "./checks";
import { HEALTH_ACTOR, reconnectDatabase, remedies } from "./remedies";
import { sweepOldRows } from "./sweep";
import { expireApprovals } from "../governance/expire-approvals";

// A remedy runs when a failure streak reaches the threshold, then at most this often while
// the component keeps failing: not a healing action (and an audit write) every cycle.
const REMEDY_COOLDOWN_MS = 10 * 60_000;

// The database cannot record its own failures: its streak is kept in memory.
let databaseStreak = 0;

/**
 * One health cycle: checks every component and records each result with its latency; a
 * component that failed `failures_before_remedy` times in a row gets its remedy, recorded as
 * a healing action (and audited). Lifts the read-only mode it set itself once the disk recovers,
 * and sweeps rows older than their retention.
 */
export async function runHealthCycle(o: { db?: Db } = {}) {
  const db = o.db ?? defaultDb;
  const results = await runChecksOrDatabaseDown(db);
  if (results.database) return { results: [results.database], actions: await databaseDown(db) };
  databaseStreak = 0;
  const { settings } = await getLoopConfig({ db, name: "health" });
  const checks = results.checks!;
  const mode = await getSystemMode({ db });
  if (mode.mode !== "normal" || !writeStatus().ok) return { results: checks, actions: await whileNotWriting(db, checks, mode) };
  await db.healthCheck.createMany({
    data: checks.map((r) => ({ component: r.component, status: r.status, latencyMs: Math.round(r.latencyMs * 100) / 100, error: r.error })),
  });

  const actions: { component: string; action: string; result: string; detail: string }[] = [];
  for (const r of checks) {
    if (r.status === "ok" || !remedies[r.component]) continue;
    // Newest first through the (component, checkedAt) index: no sort of the component's history.
    const recent = await db.healthCheck.findMany({ where: { component: r.component }, orderBy: { checkedAt: "desc" }, take: 50, select: { status: true } });
    const streak = recent.findIndex((c) => c.status === "ok");
    const length = streak === -1 ? recent.length : streak;
    if (length < settings.failures_before_remedy) continue;
    if (length > settings.failures_before_remedy) {
      const last = await db.healingAction.findFirst({ where: { component: r.component }, orderBy: { id: "desc" }, select: { createdAt: true } });
      if (last && Date.now() - last.createdAt.getTime() < REMEDY_COOLDOWN_MS) continue;
    }
    actions.push(await heal(db, r, (tx) => remedies[r.component]({ tx, settings })));
  }

  await sweepOldRows({ db });
  await expireApprovals({ db });
  return { results: checks, actions };
}

/**
 * In read_only or emergency mode, or while the database refuses writes, the loop keeps
 * checking but writes nothing — except the one write that ends the read_only mode it set
 * itself for low disk space, once there is room again (and the database takes writes).
 */
async function whileNotWriting(db: Db, checks: CheckResult[], mode: SystemMode) {
  for (const r of checks) if (r.status !== "ok") console.warn(`[health] ${r.component} ${r.status}: ${r.error} (not recorded: ${mode.mode !== "normal" ? `${mode.mode} mode` : "writes unavailable"})`);
  const disk = checks.find((r) => r.component === "disk");
  const ownReadOnly = mode.mode === "read_only" && (await db.systemState.findUniqueOrThrow({ where: { id: 1 } })).changedBy === HEALTH_ACTOR;
  if (!ownReadOnly || disk?.status !== "ok" || !writeStatus().ok) return [];
  const action = { component: "disk", action: "leave:read_only", result: "succeeded", detail: "disk space recovered: back to normal mode" };
  // The mode change (audited by setSystemMode) and its healing action commit together.
  await writeTransaction(async (tx) => {
    await setSystemMode({ tx, mode: "normal", reason: "disk space recovered", actor: HEALTH_ACTOR });
    await tx.healingAction.create({ data: action });
  }, db);
  return [action];
}

async function runChecksOrDatabaseDown(db: Db): Promise<{ checks?: CheckResult[]; database?: CheckResult }> {
  const started = performance.now();
  try {
    await db.$queryRaw`SELECT 1`;
  } catch (error) {
    return { database: { component: "database", status: "down", latencyMs: performance.now() - started, error: problemFor(error, "the database check failed") } };
  }
  const { settings } = await getLoopConfig({ db, name: "health" });
  return { checks: await runChecks({ db, settings }) };
}

// With the database unreachable nothing can be written: count the streak here and try to
// reconnect once it is long enough; the outcome is logged and recorded once the database is back.
async function databaseDown(db: Db) {
  databaseStreak += 1;
  console.error(`[health] database unreachable (${databaseStreak} check(s) in a row)`);
  if (databaseStreak < 2) return [];
  try {
    const detail = await reconnectDatabase({ db });
    databaseStreak = 0;
    return [await heal(db, { component: "database", status: "down", latencyMs: 0, error: "unreachable" }, async () => detail)];
  } catch (error) {
    return [{ component: "database", action: "remedy:database", result: "failed", detail: problemFor(error, "reconnecting to the database failed") }];
  }
}

/**
 * Runs a remedy and records it: the remedy's state changes, the healing action and its audit
 * entry share one transaction, so none is committed without the others. A remedy that throws
 * changes nothing (its transaction rolls back) and is recorded as failed. Never throws: a
 * record that cannot be written either is logged, and the cycle goes on to the next component.
 */
async function heal(db: Db, r: CheckResult, remedy: (tx: Tx) => Promise<string>) {
  const record = async (tx: Tx, result: "succeeded" | "failed", detail: string) => {
    const action = { component: r.component, action: `remedy:${r.component}`, result, detail };
    await tx.healingAction.create({ data: action });
    await append({ tx, actor: HEALTH_ACTOR, action: "health.heal", resource: `component:${r.component}`, subsystem: "health", payload: { problem: r.error, detail }, result: result === "succeeded" ? "success" : "failure" });
    return action;
  };
  let detail: string;
  try {
    return await writeTransaction(async (tx) => record(tx, "succeeded", await remedy(tx)), db);
  } catch (error) {
    // The healing action is shown to every signed-in user: it keeps a safe message, the log the error.
    detail = problemFor(error, `the ${r.component} remedy failed; nothing it did was kept`);
  }
  try {
    return await writeTransaction((tx) => record(tx, "failed", detail), db);
  } catch (error) {
    console.error(`[health] could not record the failed ${r.component} remedy`, error);
    return { component: r.component, action: `remedy:${r.component}`, result: "failed", detail: `${detail} (not recorded)` };
  }
}
