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
      // Not a model's self-assessment: how far the deciding measure was from its threshold
      // (lib/loops/run-meta.ts classifyLoad), which confidence_basis names with its numbers.
      confidence: a.confidence,
      confidence_basis: (a.changes as { decided_by?: unknown } | null)?.decided_by ?? null,
      applied: a.applied,
      created_at: a.createdAt.toISOString(),
    })),
    next_cursor,
  };
}
