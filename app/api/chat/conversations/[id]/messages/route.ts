import { z } from "zod";
import { route } from "@/lib/api/route";
import { NotFoundError } from "@/lib/errors";
import { page, paginationQuery } from "@/lib/api/pagination";
import { db } from "@/lib/db/client";

const params = z.object({ id: z.coerce.number().int().positive("must be a conversation id") });

// A conversation's messages, oldest first, with each answer's citations.
export const GET = route({ params, query: paginationQuery }, async ({ user, params, query }) => {
  const c = await db.conversation.findFirst({ where: { id: params.id, userId: user.id }, select: { id: true } });
  if (!c) throw new NotFoundError("conversation");
  const rows = await db.chatMessage.findMany({
    where: { conversationId: c.id, ...(query.cursor ? { id: { gt: query.cursor } } : {}) },
    orderBy: { id: "asc" },
    take: query.limit + 1,
    include: { citations: { include: { artifact: { select: { title: true, sourceUrl: true } } }, orderBy: { ordinal: "asc" } } },
  });
  const { items, next_cursor } = page(rows, query.limit, (m) => m.id);
  return {
    items: items.map((m) => ({
      id: m.id,
      role: m.role,
      content: m.content,
      created_at: m.createdAt.toISOString(),
      citations: m.citations.map((c) => ({ n: c.ordinal, artifact_id: c.artifactId, chunk_id: c.chunkId, title: c.artifact.title, url: c.artifact.sourceUrl, trust_score: c.trustScore })),
    })),
    next_cursor,
  };
});
