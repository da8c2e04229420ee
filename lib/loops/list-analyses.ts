import { db as defaultDb, type Db } from "../db/client";
import { page } from "../api/pagination";

/** What the meta loop measured and changed, newest first. */
export async function listMetaAnalyses(o: { limit: number; cursor?: number; db?: Db }) {
  const db = o.db ?? defaultDb;
  const rows = await db.metaAnalysis.findMany({ where: o.cursor ? { id: { lt: o.cursor } } : {}, orderBy: { id: "desc" }, take: o.limit + 1 });
  const { items, next_cursor } = page(rows, o.limit, (a) => a.id);
  return {
    items: items.map((a) => ({
      id: a.id,
      analysis_type: a.analysisType,
      subject: a.subject,
      findings: a.findings,
      recommendation: a.recommendation,
      measurements: a.measurements,
      changes: a.changes,
      confidence: a.confidence,
      applied: a.applied,
      created_at: a.createdAt.toISOString(),
    })),
    next_cursor,
  };
}
