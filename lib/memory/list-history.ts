import { db as defaultDb, type Db } from "../db/client";
import { encodeCursor } from "../api/pagination";
import { ValidationError } from "../errors";

/**
 * The deepest `offset` accepted: the database walks every skipped row of the user's history
 * (along the (userId, id) index) before the page. The cursor pages any depth at the same cost.
 */
export const MAX_HISTORY_OFFSET = 10_000;

/** The user's messages, oldest first: the earlier API's limit/offset, or a cursor. */
export async function listHistory(o: { user: { id: number }; limit: number; offset: number; cursor?: number; db?: Db }) {
  const db = o.db ?? defaultDb;
  if (o.offset > MAX_HISTORY_OFFSET) throw new ValidationError([{ field: "offset", message: `must be at most ${MAX_HISTORY_OFFSET} (page deeper with the cursor)` }]);
  const rows = await db.chatMessage.findMany({
    where: { userId: o.user.id, ...(o.cursor ? { id: { gt: o.cursor } } : {}) },
    orderBy: { id: "asc" },
    skip: o.cursor ? 0 : o.offset,
    take: o.limit + 1,
    select: { id: true, role: true, content: true, createdAt: true, conversationId: true },
  });
  const items = rows.slice(0, o.limit);
  return {
    items: items.map((m) => ({ id: m.id, role: m.role, content: m.content, created_at: m.createdAt.toISOString(), conversation_id: m.conversationId })),
    next_cursor: rows.length > o.limit ? encodeCursor(items[items.length - 1].id) : null,
  };
}
