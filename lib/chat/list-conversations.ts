import { z } from "zod";
import { db as defaultDb, databaseProvider, Prisma, type Db } from "../db/client";
import { page, paginationQuery } from "../api/pagination";

/** `q`: words to find in a conversation's title or any of its messages (plain text, not a pattern). */
export const listConversationsQuery = paginationQuery.extend({
  q: z.string().trim().max(200, "must be at most 200 characters").optional(),
});

/**
 * The user's conversations, most recently created first; with `q`, only those whose title or
 * messages contain it.
 */
export async function listConversations(o: { user: { id: number }; limit: number; cursor?: number; q?: string; db?: Db }) {
  const db = o.db ?? defaultDb;
  const q = o.q?.trim();
  const where = q ? { id: { in: await matchingIds({ db, userId: o.user.id, q, cursor: o.cursor, take: o.limit + 1 }) } } : { userId: o.user.id, ...(o.cursor ? { id: { lt: o.cursor } } : {}) };
  const rows = await db.conversation.findMany({ where, orderBy: { id: "desc" }, take: o.limit + 1 });
  const { items, next_cursor } = page(rows, o.limit, (c) => c.id);
  return { items: items.map((c) => ({ id: c.id, title: c.title, created_at: c.createdAt.toISOString(), updated_at: c.updatedAt.toISOString() })), next_cursor };
}

/**
 * Ids of the user's conversations holding `q` in the title or a message, newest first. A plain
 * substring test (instr / strpos), linear in the text searched: no LIKE (Prisma leaves `%` and
 * `_` unescaped there, and SQLite has no default escape), never a pattern the caller writes.
 * Case is ignored through the database's lower(): every letter on PostgreSQL, ASCII on SQLite.
 */
async function matchingIds(o: { db: Db; userId: number; q: string; cursor?: number; take: number }): Promise<number[]> {
  const has = (column: Prisma.Sql) => (databaseProvider() === "postgres" ? Prisma.sql`strpos(lower(${column}), lower(${o.q})) > 0` : Prisma.sql`instr(lower(${column}), lower(${o.q})) > 0`);
  const rows = await o.db.$queryRaw<{ id: number | bigint }[]>`
    SELECT c."id" FROM "Conversation" c
    WHERE c."userId" = ${o.userId} ${o.cursor ? Prisma.sql`AND c."id" < ${o.cursor}` : Prisma.empty}
      AND (${has(Prisma.sql`c."title"`)} OR EXISTS (SELECT 1 FROM "ChatMessage" m WHERE m."conversationId" = c."id" AND ${has(Prisma.sql`m."content"`)}))
    ORDER BY c."id" DESC LIMIT ${o.take}`;
  return rows.map((r) => Number(r.id));
}
