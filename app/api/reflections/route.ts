import { route } from "@/lib/api/route";
import { bareList } from "@/lib/api/bare-list";
import { page, paginationQuery } from "@/lib/api/pagination";
import { db } from "@/lib/db/client";

// Newest first. Everyone sees the reflections about their own messages; an admin also sees the
// overall ones (they summarise everybody's topics) and everyone else's.
export const GET = route({ query: paginationQuery }, async ({ user, query }) => {
  const rows = await db.reflection.findMany({
    where: { ...(user.role === "admin" ? {} : { userId: user.id }), ...(query.cursor ? { id: { lt: query.cursor } } : {}) },
    orderBy: { id: "desc" },
    take: query.limit + 1,
  });
  const { items, next_cursor } = page(rows, query.limit, (r) => r.id);
  return bareList(
    items.map((r) => ({
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
  );
});
