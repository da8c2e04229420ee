import type { Db } from "../db/client";

function days(name: string, fallback: number) {
  const v = Number(process.env[name]);
  return (Number.isFinite(v) && v > 0 ? v : fallback) * 86_400_000;
}

/**
 * Retention, run by the health loop: finished jobs, health checks and request counters are
 * operational data that would otherwise grow forever. The audit log keeps the record of what
 * happened; reflections, tasks and healing actions are kept.
 */
export async function sweepOldRows(db: Db, now = Date.now()) {
  const [jobs, checks, metrics] = await Promise.all([
    db.job.deleteMany({ where: { status: { in: ["completed", "cancelled", "failed", "dead"] }, updatedAt: { lt: new Date(now - days("GRACE_JOB_RETENTION_DAYS", 14)) } } }),
    db.healthCheck.deleteMany({ where: { checkedAt: { lt: new Date(now - days("GRACE_HEALTH_RETENTION_DAYS", 7)) } } }),
    db.metricBucket.deleteMany({ where: { bucketStart: { lt: new Date(now - days("GRACE_METRICS_RETENTION_DAYS", 2)) } } }),
  ]);
  return { jobs: jobs.count, checks: checks.count, metrics: metrics.count };
}
