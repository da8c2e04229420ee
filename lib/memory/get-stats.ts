import { db as defaultDb, type Db } from "../db/client";

/** Counts of the user's conversation history. */
export async function getMemoryStats(o: { user: { id: number }; db?: Db }) {
  const db = o.db ?? defaultDb;
  const [total, mine, first, last] = await Promise.all([
    db.chatMessage.count({ where: { userId: o.user.id } }),
    db.chatMessage.count({ where: { userId: o.user.id, role: "user" } }),
    db.chatMessage.findFirst({ where: { userId: o.user.id }, orderBy: { id: "asc" }, select: { createdAt: true } }),
    db.chatMessage.findFirst({ where: { userId: o.user.id }, orderBy: { id: "desc" }, select: { createdAt: true } }),
  ]);
  return {
    total_messages: total,
    user_messages: mine,
    grace_messages: total - mine,
    first_message: first?.createdAt.toISOString() ?? null,
    last_message: last?.createdAt.toISOString() ?? null,
  };
}
