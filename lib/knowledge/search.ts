// Ranked full-text search over the passages a user may read: approved, current-version
// chunks of shared artifacts and of their own private ones. FTS5 bm25 on SQLite, ts_rank_cd
// over a GIN-indexed tsvector on PostgreSQL; both bound the candidate set in the index.
//
// What leaves lib is the rank within the caller's own results, never the engine's number:
// bm25 weighs words by statistics over every passage in the index, other users' private ones
// included, so its raw score moved when someone else privately stored a word. `relevance`
// keeps that number for ordering inside lib (chat weighs it by trust); it is never returned or
// stored.
import { databaseProvider, db as defaultDb, type Db } from "../db/client";
import { tokenize } from "../loops/topics";
import { config } from "../config";

export type SearchHit = {
  chunk_id: number;
  artifact_id: number;
  title: string;
  path: string;
  domain: string;
  source_url: string | null;
  trust_score: number;
  /** The whole passage, plain text. */
  content: string;
  snippet: string;
  /** 1 for the best passage of this result set, then 2, 3, … */
  rank: number;
  /** 1 / rank (1, 0.5, 0.3333, …): higher is better, what API clients and citations get. */
  score: number;
  /** The engine's raw relevance (bm25 or ts_rank_cd): ordering inside lib only, never sent or stored. */
  relevance: number;
};

const OPEN = "\u0002";
const CLOSE = "\u0003";

/** Words worth searching for: stop-words and one-letter noise dropped, at most 12, deduplicated. */
export function searchTerms(query: string): string[] {
  // Letters, digits and marks of any script; the joiners inside a word go ("don't" → "dont").
  return [...new Set(tokenize(query).map((t) => t.replace(/[^\p{L}\p{N}\p{M}]/gu, "")).filter((t) => t.length >= 2))].slice(0, 12);
}

/**
 * Passages with every term first; only when none has them all, passages with any. Besides
 * being what people mean, it keeps ranking cheap: an OR of common words matches (and makes
 * bm25 score) nearly every passage, while an AND is answered by intersecting short lists.
 */
export async function searchChunks(o: { userId: number; query: string; limit: number; db?: Db }): Promise<SearchHit[]> {
  const terms = searchTerms(o.query);
  if (!terms.length) return [];
  const all = await runSearch({ ...o, terms, mode: "and" });
  if (all.length || terms.length === 1) return all;
  return runSearch({ ...o, terms: await distinctiveTerms(o.db ?? defaultDb, terms), mode: "or" });
}

/** A term in more passages than this says little about which passage is meant. */
function commonTermPassages(): number {
  return config.searchCommonTermPassages;
}

/**
 * The terms worth an OR: those in at most GRACE_SEARCH_COMMON_TERM_PASSAGES (2000) passages (or, when every term is
 * that common, the rarest one). Ranking an OR scores every passage that has any of its terms,
 * so one common word would make a large corpus score almost all of it. Each count stops at the
 * cap, so it costs little however common the word is.
 */
async function distinctiveTerms(db: Db, terms: string[]): Promise<string[]> {
  const cap = commonTermPassages();
  const counts: { term: string; passages: number }[] = [];
  for (const term of terms) {
    const [row] =
      databaseProvider() === "postgres"
        ? await db.$queryRawUnsafe<{ n: number | bigint }[]>(
            `SELECT count(*) AS n FROM (SELECT 1 FROM "KnowledgeChunkSearch" WHERE "document" @@ to_tsquery('english', $1) LIMIT $2) t`,
            term,
            cap + 1,
          )
        : await db.$queryRawUnsafe<{ n: number | bigint }[]>(
            `SELECT count(*) AS n FROM (SELECT rowid FROM "KnowledgeChunkFts" WHERE "KnowledgeChunkFts" MATCH ? LIMIT ?)`,
            `"${term}"`,
            cap + 1,
          );
    counts.push({ term, passages: Number(row.n) });
  }
  const rare = counts.filter((c) => c.passages > 0 && c.passages <= cap).map((c) => c.term);
  if (rare.length) return rare;
  const rarest = counts.filter((c) => c.passages > 0).sort((a, b) => a.passages - b.passages)[0];
  return rarest ? [rarest.term] : terms;
}

async function runSearch(o: { userId: number; limit: number; db?: Db; terms: string[]; mode: "and" | "or" }): Promise<SearchHit[]> {
  const db = o.db ?? defaultDb;
  const terms = o.terms;
  type Row = { chunkId: number | bigint; artifactId: number | bigint; title: string; path: string; domain: string; sourceUrl: string | null; trustScore: number; content: string; snippet: string; score: number };
  const rows =
    databaseProvider() === "postgres"
      ? await db.$queryRawUnsafe<Row[]>(
          `SELECT c."id" AS "chunkId", a."id" AS "artifactId", a."title", a."path", a."domain", a."sourceUrl", a."trustScore", c."content",
             ts_headline('english', c."content", q, 'StartSel=${OPEN}, StopSel=${CLOSE}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') AS "snippet",
             ts_rank_cd(s."document", q) AS "score"
           FROM "KnowledgeChunkSearch" s
           JOIN "KnowledgeChunk" c ON c."id" = s."chunkId"
           JOIN "KnowledgeArtifact" a ON a."id" = c."artifactId", to_tsquery('english', $1) q
           WHERE s."document" @@ q AND a."status" = 'approved' AND a."deletedAt" IS NULL AND c."version" = a."version"
             AND (a."visibility" = 'shared' OR a."ownerId" = $2)
           ORDER BY "score" DESC, c."id" LIMIT $3`,
          terms.join(o.mode === "and" ? " & " : " | "),
          o.userId,
          o.limit,
        )
      : await db.$queryRawUnsafe<Row[]>(
          `SELECT c."id" AS "chunkId", a."id" AS "artifactId", a."title", a."path", a."domain", a."sourceUrl", a."trustScore", c."content",
             snippet("KnowledgeChunkFts", 0, '${OPEN}', '${CLOSE}', ' … ', 24) AS "snippet",
             -bm25("KnowledgeChunkFts") AS "score"
           FROM "KnowledgeChunkFts"
           JOIN "KnowledgeChunk" c ON c."id" = "KnowledgeChunkFts".rowid
           JOIN "KnowledgeArtifact" a ON a."id" = c."artifactId"
           WHERE "KnowledgeChunkFts" MATCH ? AND a."status" = 'approved' AND a."deletedAt" IS NULL AND c."version" = a."version"
             AND (a."visibility" = 'shared' OR a."ownerId" = ?)
           ORDER BY bm25("KnowledgeChunkFts"), c."id" LIMIT ?`,
          terms.map((t) => `"${t}"`).join(o.mode === "and" ? " AND " : " OR "),
          o.userId,
          o.limit,
        );
  return rows.map((r, i) => ({
    chunk_id: Number(r.chunkId),
    artifact_id: Number(r.artifactId),
    title: r.title,
    path: r.path,
    domain: r.domain,
    source_url: r.sourceUrl,
    trust_score: Number(r.trustScore),
    content: r.content,
    snippet: highlight(r.snippet),
    ...rankScore(i + 1),
    relevance: Number(r.score),
  }));
}

/** A rank and the score derived from it, rounded as the API shows it. */
export function rankScore(rank: number): { rank: number; score: number } {
  return { rank, score: Math.round(10_000 / rank) / 10_000 };
}

/**
 * A hit as `POST /api/knowledge/search` answers it: the earlier API's `id`, `source` and
 * `category` beside the new fields; `rank` and the rank-derived `score`, not the engine's.
 */
export function serializeSearchHit(h: SearchHit) {
  return {
    id: h.artifact_id,
    source: h.source_url ?? h.path,
    category: h.domain,
    chunk_id: h.chunk_id,
    artifact_id: h.artifact_id,
    title: h.title,
    path: h.path,
    domain: h.domain,
    source_url: h.source_url,
    trust_score: h.trust_score,
    content: h.content,
    snippet: h.snippet,
    rank: h.rank,
    score: h.score,
  };
}

/** Escapes the passage for HTML and turns the index's match markers into <mark>…</mark>. */
function highlight(text: string): string {
  const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  return escaped.replaceAll(OPEN, "<mark>").replaceAll(CLOSE, "</mark>");
}
