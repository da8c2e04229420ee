// The earlier API's /api/verification/* and /api/governance/audit, answered from the audit log.
// The earlier Grace wrote a "verification envelope" per decorated call, always verified; here
// each audit entry stands for one, mapped as follows:
//   action_id    "{action}_{first 8 hex of the entry's hash}_{unix seconds}" (the old id's shape)
//   verified     true: the entry is in the hash chain (whether the chain is intact is what
//                GET /api/log/verify checks; a per-row flag cannot say it honestly)
//   criteria_met the entry's result is "success" (or "succeeded")
//   input_hash   the previous entry's hash, which this entry's hash covers
//   output_hash  the entry's own hash
// "Failed" entries are those whose result says the action did not happen (failure, denied, …).
import { db as defaultDb, type Db, type Prisma } from "../db/client";

const SUCCESS = ["success", "succeeded"];
export const FAILED_RESULTS = ["failure", "failed", "denied", "blocked", "locked", "error"];

type Entry = { sequence: number; timestamp: Date; actor: string; action: string; resource: string; payload: string; result: string; prevHash: string; entryHash: string };

/** ISO 8601 in UTC without a zone, as the earlier API wrote datetimes. */
export function legacyTime(d: Date): string {
  return d.toISOString().replace(/Z$/, "");
}

function actionId(e: Entry) {
  return `${e.action}_${e.entryHash.slice(0, 8)}_${Math.floor(e.timestamp.getTime() / 1000)}`;
}

function since(hoursBack: number) {
  return new Date(Date.now() - hoursBack * 3_600_000);
}

function scope(o: { actor?: string; action?: string; hoursBack: number }): Prisma.LogEntryWhereInput {
  return { timestamp: { gte: since(o.hoursBack) }, ...(o.actor ? { actor: o.actor } : {}), ...(o.action ? { action: o.action } : {}) };
}

export async function verificationAudit(o: { actor?: string; action?: string; hoursBack: number; limit: number; db?: Db }) {
  const db = o.db ?? defaultDb;
  const rows: Entry[] = await db.logEntry.findMany({ where: scope(o), orderBy: { sequence: "desc" }, take: o.limit });
  const audit_log = rows.map((e) => ({
    action_id: actionId(e),
    actor: e.actor,
    action_type: e.action,
    resource: e.resource,
    verified: true,
    criteria_met: SUCCESS.includes(e.result),
    input_hash: e.prevHash,
    output_hash: e.entryHash,
    created_at: legacyTime(e.timestamp),
  }));
  return { audit_log, count: audit_log.length };
}

export async function verificationStats(o: { actor?: string; hoursBack: number; db?: Db }) {
  const db = o.db ?? defaultDb;
  const where = scope(o);
  const [total, met, failed] = await Promise.all([
    db.logEntry.count({ where }),
    db.logEntry.count({ where: { ...where, result: { in: SUCCESS } } }),
    db.logEntry.count({ where: { ...where, result: { in: FAILED_RESULTS } } }),
  ]);
  return {
    total_verifications: total,
    verified_count: total,
    criteria_met_count: met,
    failed_count: failed,
    success_rate: total ? Math.round((met / total) * 10_000) / 100 : 0,
    period_hours: o.hoursBack,
  };
}

export async function verificationFailures(o: { actor?: string; hoursBack: number; limit: number; db?: Db }) {
  const db = o.db ?? defaultDb;
  const rows: Entry[] = await db.logEntry.findMany({ where: { ...scope(o), result: { in: FAILED_RESULTS } }, orderBy: { sequence: "desc" }, take: o.limit });
  const failed_verifications = rows.map((e) => ({ action_id: actionId(e), actor: e.actor, action_type: e.action, resource: e.resource, created_at: legacyTime(e.timestamp) }));
  return { failed_verifications, count: failed_verifications.length };
}

/**
 * GET /api/governance/audit: the governance subsystem's entries (decisions, approvals, policy
 * changes), newest first, in the earlier shape; `policy_checked` names the policy a decision
 * came from, when there was one.
 */
export async function governanceAudit(o: { actor?: string; limit: number; beforeSequence?: number; db?: Db }) {
  const db = o.db ?? defaultDb;
  const rows = await db.logEntry.findMany({
    where: { subsystem: "governance", ...(o.actor ? { actor: o.actor } : {}), ...(o.beforeSequence ? { sequence: { lt: o.beforeSequence } } : {}) },
    orderBy: { sequence: "desc" },
    take: o.limit + 1,
  });
  const items = rows.slice(0, o.limit).map((e) => {
    let policy: unknown = null;
    try {
      policy = (JSON.parse(e.payload) as { policy?: unknown }).policy ?? null;
    } catch {
      // a payload is canonical JSON by construction; an unreadable one names no policy
    }
    return { id: e.sequence, actor: e.actor, action: e.action, resource: e.resource, policy_checked: typeof policy === "string" ? policy : null, result: e.result, timestamp: legacyTime(e.timestamp) };
  });
  return { items, next: rows.length > o.limit ? items[items.length - 1].id : null };
}
