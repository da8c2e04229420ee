import { db as defaultDb, type Db } from "../db/client";
import { page } from "../api/pagination";
import { NotFoundError } from "../errors";

/** A conversation's messages, oldest first, each answer with its citations. Only its owner may read it. */
export async function listConversationMessages(o: { user: { id: number }; conversationId: number; limit: number; cursor?: number; db?: Db }) {
  const db = o.db ?? defaultDb;
  const c = await db.conversation.findFirst({ where: { id: o.conversationId, userId: o.user.id }, select: { id: true } });
  if (!c) throw new NotFoundError("conversation");
  const rows = await db.chatMessage.findMany({
    where: { conversationId: c.id, ...(o.cursor ? { id: { gt: o.cursor } } : {}) },
    orderBy: { id: "asc" },
    take: o.limit + 1,
    include: { citations: { include: { artifact: { select: { title: true, sourceUrl: true } } }, orderBy: { ordinal: "asc" } } },
  });
  const { items, next_cursor } = page(rows, o.limit, (m) => m.id);
  return {
    items: items.map((m) => ({
      id: m.id,
      role: m.role,
      content: m.content,
      /** The reader left while this answer streamed: it holds what was said until then. */
      interrupted: m.interrupted,
      // Grace's answers: how far the sources answer it, whether one backs it, which engine wrote
      // it, and whether that was the built-in engine standing in for a model that failed.
      ...(m.role === "grace" ? { answer_status: m.answerStatus ?? undefined, grounded: m.grounded ?? undefined, engine: m.model ?? undefined, fallback: m.fallback } : {}),
      created_at: m.createdAt.toISOString(),
      citations: m.citations.map((c) => ({ n: c.ordinal, artifact_id: c.artifactId, chunk_id: c.chunkId, title: c.artifact.title, url: c.artifact.sourceUrl, trust_score: c.trustScore })),
    })),
    next_cursor,
  };
}
