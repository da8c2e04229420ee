import { route } from "@/lib/api/route";
import { page, paginationQuery } from "@/lib/api/pagination";
import { db } from "@/lib/db/client";

const serialize = (c: { id: number; title: string; createdAt: Date; updatedAt: Date }) => ({ id: c.id, title: c.title, created_at: c.createdAt.toISOString(), updated_at: c.updatedAt.toISOString() });

// The caller's conversations, most recently created first.
export const GET = route({ query: paginationQuery }, async ({ user, query }) => {
  const rows = await db.conversation.findMany({ where: { userId: user.id, ...(query.cursor ? { id: { lt: query.cursor } } : {}) }, orderBy: { id: "desc" }, take: query.limit + 1 });
  const { items, next_cursor } = page(rows, query.limit, (c) => c.id);
  return { items: items.map(serialize), next_cursor };
});
