import { db as defaultDb, type Db } from "../db/client";
import type { AuthUser } from "../auth/schemas";
import { ownedScope } from "../auth/access";
import { page } from "../api/pagination";

/**
 * Newest first. Everyone sees the reflections about their own messages; an admin also sees
 * the overall ones (they summarise everybody's topics) and everyone else's.
 */
export async function listReflections(o: { user: AuthUser; limit: number; cursor?: number; db?: Db }) {
  const db = o.db ?? defaultDb;
  const rows = await db.reflection.findMany({
    where: { ...ownedScope(o.user, "userId"), ...(o.cursor ? { id: { lt: o.cursor } } : {}) },
    orderBy: { id: "desc" },
    take: o.limit + 1,
  });
  const { items, next_cursor } = page(rows, o.limit, (r) => r.id);
  return {
    items: items.map((r) => ({
      id: r.id,
      generated_at: r.generatedAt.toISOString(),
      summary: r.summary,
      insight: r.insight,
      confidence: r.confidence,
      user_id: r.userId,
      scope: r.userId === null ? "overall" : "user",
      window_start: r.windowStart.toISOString(),
      window_end: r.windowEnd.toISOString(),
      message_count: r.messageCount,
      topics: (r.topics as { topics?: unknown } | null)?.topics ?? [],
    })),
    next_cursor,
  };
}
