import type { Tx } from "../db/client";
import { append } from "../audit";
import { NotFoundError } from "../errors";

export async function renameConversation(o: { tx: Tx; user: { id: number; username: string }; id: number; title: string }) {
  const { tx } = o;
  const c = await tx.conversation.findFirst({ where: { id: o.id, userId: o.user.id } });
  if (!c) throw new NotFoundError("conversation");
  const updated = await tx.conversation.update({ where: { id: c.id }, data: { title: o.title } });
  await append({ tx, actor: o.user.username, action: "conversation.rename", resource: `conversation:${c.id}`, subsystem: "chat", payload: { title: o.title }, result: "success" });
  return updated;
}

/** Deletes a conversation and its messages (their causal events stay, unlinked). */
export async function deleteConversation(o: { tx: Tx; user: { id: number; username: string }; id: number }) {
  const { tx } = o;
  const c = await tx.conversation.findFirst({ where: { id: o.id, userId: o.user.id }, include: { _count: { select: { messages: true } } } });
  if (!c) throw new NotFoundError("conversation");
  await tx.conversation.delete({ where: { id: c.id } });
  await append({ tx, actor: o.user.username, action: "conversation.delete", resource: `conversation:${c.id}`, subsystem: "chat", payload: { messages: c._count.messages }, result: "success" });
}
