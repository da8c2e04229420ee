import { Prisma, type Db } from "../db/client";
import { rankScore, searchChunks, type SearchHit } from "../knowledge/search";

/**
 * The passages worth answering from, best first: relevance from the index, weighed by trust,
 * so the same relevance from a better source comes first. The raw relevance orders only; what
 * a citation keeps (`score`) is the rank-derived score, re-derived here for the new order.
 */
export async function retrieve(o: { db: Db; userId: number; query: string; limit?: number }): Promise<SearchHit[]> {
  const hits = await searchChunks({ db: o.db, userId: o.userId, query: o.query, limit: o.limit ?? 8, fill: true });
  return hits
    .map((h) => ({ hit: h, weight: h.relevance * (0.5 + h.trust_score / 200) }))
    .sort((a, b) => b.weight - a.weight || b.hit.trust_score - a.hit.trust_score)
    .map((r, i) => ({ ...r.hit, ...rankScore(i + 1) }));
}

/**
 * The retrieved passages, then the other passages of the best `sources` sources (up to `max` in
 * all): a question names its subject and asks one thing about it, and the sentence that answers
 * may sit in a passage that shares few words with the question ("A team led by …" two paragraphs
 * below the name). Those sources were found by the caller's own search, so they may read them whole.
 */
export async function withBestSources(o: { db: Db; hits: SearchHit[]; max: number; sources: number }): Promise<SearchHit[]> {
  if (!o.hits.length || o.hits.length >= o.max) return o.hits.slice(0, o.max);
  const best = new Map<number, SearchHit>();
  for (const h of o.hits) if (best.size < o.sources && !best.has(h.artifact_id)) best.set(h.artifact_id, h);
  const ids = [...best.keys()];
  const have = o.hits.map((h) => h.chunk_id);
  // One query: the sources' current passages not already retrieved, in reading order.
  const chunks = await o.db.$queryRaw<{ id: number | bigint; artifactId: number | bigint; content: string }[]>(Prisma.sql`
    SELECT c."id", c."artifactId", c."content" FROM "KnowledgeChunk" c
    JOIN "KnowledgeArtifact" a ON a."id" = c."artifactId" AND c."version" = a."version"
    WHERE c."artifactId" IN (${Prisma.join(ids)}) AND c."id" NOT IN (${Prisma.join(have)})
    ORDER BY c."artifactId", c."ordinal" LIMIT ${o.max - o.hits.length}`);
  // In the order of the sources' ranks, each source's passages in reading order.
  const rows = chunks.map((c) => ({ id: Number(c.id), artifactId: Number(c.artifactId), content: c.content }));
  rows.sort((a, b) => ids.indexOf(a.artifactId) - ids.indexOf(b.artifactId));
  const more = rows.map((c, i) => ({ ...best.get(c.artifactId)!, chunk_id: c.id, content: c.content, snippet: "", relevance: 0, ...rankScore(o.hits.length + i + 1) }));
  return [...o.hits, ...more];
}
