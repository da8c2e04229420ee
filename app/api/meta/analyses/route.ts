import { route } from "@/lib/api/route";
import { bareList } from "@/lib/api/bare-list";
import { page, paginationQuery } from "@/lib/api/pagination";
import { db } from "@/lib/db/client";

export const GET = route({ query: paginationQuery }, async ({ query }) => {
  const rows = await db.metaAnalysis.findMany({ where: query.cursor ? { id: { lt: query.cursor } } : {}, orderBy: { id: "desc" }, take: query.limit + 1 });
  const { items, next_cursor } = page(rows, query.limit, (a) => a.id);
  return bareList(
    items.map((a) => ({
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
  );
});
