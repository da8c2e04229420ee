import type { Db } from "../db/client";
import { rankScore, searchChunks, type SearchHit } from "../knowledge/search";

/**
 * The passages worth answering from, best first: relevance from the index, weighed by trust,
 * so the same relevance from a better source comes first. The raw relevance orders only; what
 * a citation keeps (`score`) is the rank-derived score, re-derived here for the new order.
 */
export async function retrieve(o: { db: Db; userId: number; query: string; limit?: number }): Promise<SearchHit[]> {
  const hits = await searchChunks({ db: o.db, userId: o.userId, query: o.query, limit: o.limit ?? 8 });
  return hits
    .map((h) => ({ hit: h, weight: h.relevance * (0.5 + h.trust_score / 200) }))
    .sort((a, b) => b.weight - a.weight || b.hit.trust_score - a.hit.trust_score)
    .map((r, i) => ({ ...r.hit, ...rankScore(i + 1) }));
}
