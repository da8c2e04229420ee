import { db as defaultDb, type Db } from "../db/client";
import { page } from "../api/pagination";

/** The user's conversations, most recently created first. */
export async function listConversations(o: { user: { id: number }; limit: number; cursor?: number; db?: Db }) {
  const db = o.db ?? defaultDb;
  const rows = await db.conversation.findMany({ where: { userId: o.user.id, ...(o.cursor ? { id: { lt: o.cursor } } : {}) }, orderBy: { id: "desc" }, take: o.limit + 1 });
  const { items, next_cursor } = page(rows, o.limit, (c) => c.id);
  return { items: items.map((c) => ({ id: c.id, title: c.title, created_at: c.createdAt.toISOString(), updated_at: c.updatedAt.toISOString() })), next_cursor };
}
