import { route } from "@/lib/api/route";
import { db } from "@/lib/db/client";

export const GET = route({}, async ({ user }) => {
  const [total, mine, first, last] = await Promise.all([
    db.chatMessage.count({ where: { userId: user.id } }),
    db.chatMessage.count({ where: { userId: user.id, role: "user" } }),
    db.chatMessage.findFirst({ where: { userId: user.id }, orderBy: { id: "asc" }, select: { createdAt: true } }),
    db.chatMessage.findFirst({ where: { userId: user.id }, orderBy: { id: "desc" }, select: { createdAt: true } }),
  ]);
  return {
    total_messages: total,
    user_messages: mine,
    grace_messages: total - mine,
    first_message: first?.createdAt.toISOString() ?? null,
    last_message: last?.createdAt.toISOString() ?? null,
  };
});
