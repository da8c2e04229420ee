import type { Db } from "../db/client";
import { config } from "../config";

/**
 * Retention, run by the health loop: finished jobs, health checks, request counters, sign-in
 * attempts, healing actions and the meta loop's analyses (with their evaluations) are
 * operational data that would otherwise grow forever. Each delete walks an index on its time
 * column. The audit log keeps the record of what happened; reflections, summaries and tasks
 * are kept.
 */
export async function sweepOldRows(o: { db: Db; now?: number }) {
  const { db, now = Date.now() } = o;
  const r = config.retention;
  const before = (ms: number) => new Date(now - ms);
  // The lockout counts failures inside its window and locks for a while after: never sweep those.
  const signInMs = Math.max(r.signInAttemptsMs, (config.lockout.windowSeconds + config.lockout.lockSeconds) * 1000);
  const [jobs, checks, metrics, signIns, healing, analyses, evaluations] = await Promise.all([
    db.job.deleteMany({ where: { status: { in: ["completed", "cancelled", "failed", "dead"] }, updatedAt: { lt: before(r.jobsMs) } } }),
    db.healthCheck.deleteMany({ where: { checkedAt: { lt: before(r.healthChecksMs) } } }),
    db.metricBucket.deleteMany({ where: { bucketStart: { lt: before(r.metricsMs) } } }),
    db.signInAttempt.deleteMany({ where: { createdAt: { lt: before(signInMs) } } }),
    db.healingAction.deleteMany({ where: { createdAt: { lt: before(r.healingActionsMs) } } }),
    db.metaAnalysis.deleteMany({ where: { createdAt: { lt: before(r.metaMs) } } }),
    db.metaEvaluation.deleteMany({ where: { createdAt: { lt: before(r.metaMs) } } }),
  ]);
  return {
    jobs: jobs.count,
    checks: checks.count,
    metrics: metrics.count,
    sign_in_attempts: signIns.count,
    healing_actions: healing.count,
    meta_analyses: analyses.count,
    meta_evaluations: evaluations.count,
  };
}
