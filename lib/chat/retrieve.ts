import type { Db } from "../db/client";
import { searchChunks, type SearchHit } from "../knowledge/search";

/**
 * The passages worth answering from, best first: relevance from the index, weighed by trust,
 * so the same relevance from a better source comes first.
 */
export async function retrieve(o: { db: Db; userId: number; query: string; limit?: number }): Promise<SearchHit[]> {
  const hits = await searchChunks({ db: o.db, userId: o.userId, query: o.query, limit: o.limit ?? 8 });
  return hits
    .map((h) => ({ hit: h, weight: h.score * (0.5 + h.trust_score / 200) }))
    .sort((a, b) => b.weight - a.weight || b.hit.trust_score - a.hit.trust_score)
    .map((r) => r.hit);
}
