import { z } from "zod";
import { route } from "@/lib/api/route";
import { bareList } from "@/lib/api/bare-list";
import { encodeCursor, paginationQuery } from "@/lib/api/pagination";
import { db } from "@/lib/db/client";

const query = paginationQuery.extend({ offset: z.coerce.number().int().min(0).max(1_000_000).default(0) });

// The caller's messages, oldest first (the earlier API's limit/offset, plus a cursor).
export const GET = route({ query }, async ({ user, query }) => {
  const rows = await db.chatMessage.findMany({
    where: { userId: user.id, ...(query.cursor ? { id: { gt: query.cursor } } : {}) },
    orderBy: { id: "asc" },
    skip: query.cursor ? 0 : query.offset,
    take: query.limit + 1,
    select: { id: true, role: true, content: true, createdAt: true, conversationId: true },
  });
  const items = rows.slice(0, query.limit);
  return bareList(
    items.map((m) => ({ id: m.id, role: m.role, content: m.content, created_at: m.createdAt.toISOString(), conversation_id: m.conversationId })),
    rows.length > query.limit ? encodeCursor(items[items.length - 1].id) : null,
  );
});
