import { db as defaultDb, type Db } from "../db/client";
import type { AuthUser } from "../auth/schemas";
import { summaryScope } from "../auth/access";
import { page } from "../api/pagination";

type SummaryRow = { id: number; userId: number | null; period: string; periodStart: Date; periodEnd: Date; summaryText: string; keyTopics: unknown; tasksCreated: number; generatedAt: Date };

/** The earlier API's summary shape, with whose it is beside it. */
export function serializeSummary(s: SummaryRow) {
  return {
    id: s.id,
    period: s.period,
    period_start: s.periodStart.toISOString(),
    period_end: s.periodEnd.toISOString(),
    summary_text: s.summaryText,
    key_topics: Array.isArray(s.keyTopics) ? s.keyTopics : [],
    tasks_created: s.tasksCreated,
    generated_at: s.generatedAt.toISOString(),
    scope: s.userId === null ? "overall" : "user",
  };
}

/** Newest first: the caller's summaries (an admin's list also has the overall ones). */
export async function listSummaries(o: { user: AuthUser; limit: number; cursor?: number; db?: Db }) {
  const db = o.db ?? defaultDb;
  const rows = await db.summary.findMany({
    where: { ...summaryScope(o.user), ...(o.cursor ? { id: { lt: o.cursor } } : {}) },
    orderBy: { id: "desc" },
    take: o.limit + 1,
  });
  const { items, next_cursor } = page(rows, o.limit, (s) => s.id);
  return { items: items.map(serializeSummary), next_cursor };
}
