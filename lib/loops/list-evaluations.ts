import { db as defaultDb, type Db } from "../db/client";
import { page } from "../api/pagination";

/**
 * What the meta loop measured after changing the loop intervals, newest first: a metric
 * before the change and at the next cycle, improvement = before − after (lower is better
 * for every metric it tracks).
 */
export async function listMetaEvaluations(o: { limit: number; cursor?: number; db?: Db }) {
  const db = o.db ?? defaultDb;
  const rows = await db.metaEvaluation.findMany({ where: o.cursor ? { id: { lt: o.cursor } } : {}, orderBy: { id: "desc" }, take: o.limit + 1 });
  const { items, next_cursor } = page(rows, o.limit, (e) => e.id);
  return {
    items: items.map((e) => ({
      id: e.id,
      metric: e.metric,
      before: e.before,
      after: e.after,
      improvement: e.improvement,
      conclusion: e.conclusion,
      created_at: e.createdAt.toISOString(),
      analysis_id: e.analysisId,
    })),
    next_cursor,
  };
}
