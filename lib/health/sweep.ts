import type { Db } from "../db/client";
import { config } from "../config";

/**
 * Retention, run by the health loop: finished jobs, health checks and request counters are
 * operational data that would otherwise grow forever. The audit log keeps the record of what
 * happened; reflections, tasks and healing actions are kept.
 */
export async function sweepOldRows(db: Db, now = Date.now()) {
  const [jobs, checks, metrics] = await Promise.all([
    db.job.deleteMany({ where: { status: { in: ["completed", "cancelled", "failed", "dead"] }, updatedAt: { lt: new Date(now - config.retention.jobsMs) } } }),
    db.healthCheck.deleteMany({ where: { checkedAt: { lt: new Date(now - config.retention.healthChecksMs) } } }),
    db.metricBucket.deleteMany({ where: { bucketStart: { lt: new Date(now - config.retention.metricsMs) } } }),
  ]);
  return { jobs: jobs.count, checks: checks.count, metrics: metrics.count };
}
