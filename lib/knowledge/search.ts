// Ranked full-text search over the passages a user may read: approved, current-version
// chunks of shared artifacts and of their own private ones. FTS5 bm25 on SQLite, ts_rank_cd
// over a GIN-indexed tsvector on PostgreSQL; both bound the candidate set in the index.
// Both index the same words: each passage's "searchText", made by lib/text/tokenize.ts
// (normalised, stop-words out, stemmed in the passage's language) and tokenised plainly by
// the database. A query word is looked up as each of the stems it may have been stored as.
// Snippets are made here from the passage's text, since the index holds stems.
//
// What leaves lib is the rank within the caller's own results, never the engine's number:
// bm25 weighs words by statistics over every passage in the index, other users' private ones
// included, so its raw score moved when someone else privately stored a word. `relevance`
// keeps that number for ordering inside lib (chat weighs it by trust); it is never returned or
// stored.
import { LRUCache } from "lru-cache";
import { databaseProvider, db as defaultDb, type Db } from "../db/client";
import { config } from "../config";
import { queryTerms, tokens, wordTerms } from "../text/tokenize";
import { truncate } from "../text/truncate";

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

/** A word of the query and the index terms it may be stored as (lib/text/tokenize.ts queryTerms). */
type TermGroup = { word: string; terms: string[] };

const OPEN = "\u0002";
const CLOSE = "\u0003";
/** Index terms are letters, digits and marks only; anything else never reaches a query string. */
const SAFE_TERM = /^[\p{L}\p{N}\p{M}]+$/u;

/** The content words of a query (normalised, stop-words of every language dropped, at most 12). */
export function searchTerms(query: string): string[] {
  return queryTerms(query).map((g) => g.word);
}

/**
 * Passages with every query word first (each word as any of its stems: "мостов" is found as
 * "мост", "café" as "cafe"); only when none has them all, passages with any. Besides being
 * what people mean, it keeps ranking cheap: an OR of common words matches (and makes bm25
 * score) nearly every passage, while an AND is answered by intersecting short lists.
 * `fill`: when fewer than `limit` passages have every word, the rest of the list is filled with
 * passages that have some (chat reads them: the passage that answers may not repeat every word
 * of the question, "opened in 1911" under a heading that names the museum).
 */
export async function searchChunks(o: { userId: number; query: string; limit: number; db?: Db; fill?: boolean }): Promise<SearchHit[]> {
  const groups = safeGroups(queryTerms(o.query));
  if (!groups.length) return [];
  const all = await runSearch({ ...o, groups, mode: "and" });
  if (groups.length === 1 || all.length >= o.limit || (all.length && !o.fill)) return all;
  const distinctive = await distinctiveGroups(o.db ?? defaultDb, groups);
  // Every passage with all the words has each distinctive one: when those are in no more
  // passages than were found, the OR can find nothing new.
  if (all.length && distinctive.passages <= all.length) return all;
  const some = await runSearch({ ...o, groups: distinctive.groups, mode: "or" });
  const have = new Set(all.map((h) => h.chunk_id));
  return [...all, ...some.filter((h) => !have.has(h.chunk_id))].slice(0, o.limit).map((h, i) => ({ ...h, ...rankScore(i + 1) }));
}

function safeGroups(groups: TermGroup[]): TermGroup[] {
  return groups.map((g) => ({ word: g.word, terms: g.terms.filter((t) => SAFE_TERM.test(t)) })).filter((g) => g.terms.length > 0);
}

/** A term in more passages than this says little about which passage is meant. */
function commonTermPassages(): number {
  return config.searchCommonTermPassages;
}

/** An FTS5 string for one term: quoted, so it is a term and never an operator. */
function ftsTerm(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

/** A tsquery operand for one term: quoted, so it is a term and never an operator. */
function tsTerm(term: string): string {
  return `'${term.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;
}

/** The MATCH (SQLite) or to_tsquery (PostgreSQL) text: AND over words of (OR over a word's terms), or OR of every term. */
function matchQuery(groups: TermGroup[], mode: "and" | "or"): string {
  const postgres = databaseProvider() === "postgres";
  const quote = postgres ? tsTerm : ftsTerm;
  const or = postgres ? " | " : " OR ";
  const and = postgres ? " & " : " AND ";
  if (mode === "or") return groups.flatMap((g) => g.terms.map(quote)).join(or);
  return groups.map((g) => (g.terms.length === 1 ? quote(g.terms[0]) : `(${g.terms.map(quote).join(or)})`)).join(and);
}

/** How many indexed passages match `query` (a matchQuery string), counting no further than `cap` + 1. */
async function countPassages(db: Db, query: string, cap: number): Promise<number> {
  const [row] =
    databaseProvider() === "postgres"
      ? await db.$queryRawUnsafe<{ n: number | bigint }[]>(
          `SELECT count(*) AS n FROM (SELECT 1 FROM "KnowledgeChunkSearch" WHERE "document" @@ to_tsquery('simple', $1) LIMIT $2) t`,
          query,
          cap + 1,
        )
      : await db.$queryRawUnsafe<{ n: number | bigint }[]>(
          `SELECT count(*) AS n FROM (SELECT rowid FROM "KnowledgeChunkFts" WHERE "KnowledgeChunkFts" MATCH ? LIMIT ?)`,
          query,
          cap + 1,
        );
  return Number(row.n);
}

/**
 * The words worth an OR: those in at most GRACE_SEARCH_COMMON_TERM_PASSAGES (2000) passages
 * (or, when every word is that common, the rarest one). Ranking an OR scores every passage
 * that has any of its terms, so one common word would make a large corpus score almost all of
 * it. Each count stops at the cap, so it costs little however common the word is, and is
 * kept for a minute (termPassageCounts). `passages`: at most how many passages the OR matches.
 */
async function distinctiveGroups(db: Db, groups: TermGroup[]): Promise<{ groups: TermGroup[]; passages: number }> {
  const cap = commonTermPassages();
  const { counts: byTerm } = await termPassageCounts({ db, terms: groups.flatMap((g) => g.terms), cap });
  // A word is in at least as many passages as its commonest stem, at most in the sum over its stems.
  const counts = groups.map((group) => {
    const each = group.terms.map((t) => byTerm.get(t) ?? 0);
    return { group, least: Math.max(...each), most: each.reduce((a, b) => a + b, 0) };
  });
  const pick = (cs: typeof counts) => ({ groups: cs.map((c) => c.group), passages: cs.reduce((n, c) => n + c.most, 0) });
  const rare = counts.filter((c) => c.least > 0 && c.least <= cap);
  if (rare.length) return pick(rare);
  const rarest = counts.filter((c) => c.least > 0).sort((a, b) => a.least - b.least)[0];
  return rarest ? pick([rarest]) : { groups, passages: Infinity };
}

const TOTAL_TTL_MS = 10_000;
const totals = new WeakMap<Db, { at: number; total: number }>();

/** How many passages the index holds (every version, every owner): an index count, kept for a few seconds. */
async function indexedPassages(db: Db): Promise<number> {
  const cached = totals.get(db);
  if (cached && Date.now() - cached.at < TOTAL_TTL_MS) return cached.total;
  let total: number;
  if (databaseProvider() === "postgres") {
    // A large table's row estimate (kept by autovacuum) is close enough for a weight and costs
    // nothing; a small one is counted.
    const [estimate] = await db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT reltuples::bigint AS n FROM pg_class WHERE oid = '"KnowledgeChunkSearch"'::regclass`);
    total = Number(estimate?.n ?? -1);
    if (total < 100_000) total = Number((await db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT count(*) AS n FROM "KnowledgeChunkSearch"`))[0].n);
  } else {
    total = Number((await db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT count(*) AS n FROM "KnowledgeChunkFts_docsize"`))[0].n);
  }
  totals.set(db, { at: Date.now(), total });
  return total;
}

/** How long a term's passage count is reused: weights need the order of magnitude, not the last passage. */
const TERM_COUNT_TTL_MS = 60_000;
const termCounts = new WeakMap<Db, LRUCache<string, number>>();

/**
 * For weighing words (IDF): how many indexed passages hold each term, each count stopping at
 * `cap` + 1 (default GRACE_SEARCH_COMMON_TERM_PASSAGES), and `total`, how many passages are
 * indexed. Counts span every passage in the index, private ones of other users included:
 * use them for weights inside lib, never show them. A count is kept for a minute (at most
 * 10,000 terms per database): counting a common word reads up to `cap` index rows, and chat
 * asks for the same words again and again. `fresh`: count now (and remember the new counts).
 */
export async function termPassageCounts(o: { db?: Db; terms: string[]; cap?: number; fresh?: boolean }): Promise<{ total: number; counts: Map<string, number> }> {
  const db = o.db ?? defaultDb;
  const cap = o.cap ?? commonTermPassages();
  let cache = termCounts.get(db);
  if (!cache) termCounts.set(db, (cache = new LRUCache<string, number>({ max: 10_000, ttl: TERM_COUNT_TTL_MS })));
  const counts = new Map<string, number>();
  for (const term of new Set(o.terms)) {
    const key = `${cap}:${term}`;
    let n = o.fresh ? undefined : cache.get(key);
    if (n === undefined) {
      n = SAFE_TERM.test(term) ? await countPassages(db, matchQuery([{ word: term, terms: [term] }], "or"), cap) : 0;
      cache.set(key, n);
    }
    counts.set(term, n);
  }
  return { total: await indexedPassages(db), counts };
}

async function runSearch(o: { userId: number; limit: number; db?: Db; groups: TermGroup[]; mode: "and" | "or" }): Promise<SearchHit[]> {
  const db = o.db ?? defaultDb;
  const query = matchQuery(o.groups, o.mode);
  type Row = { chunkId: number | bigint; artifactId: number | bigint; title: string; path: string; domain: string; sourceUrl: string | null; trustScore: number; content: string; score: number };
  const rows =
    databaseProvider() === "postgres"
      ? await db.$queryRawUnsafe<Row[]>(
          `SELECT c."id" AS "chunkId", a."id" AS "artifactId", a."title", a."path", a."domain", a."sourceUrl", a."trustScore", c."content",
             ts_rank_cd(s."document", q) AS "score"
           FROM "KnowledgeChunkSearch" s
           JOIN "KnowledgeChunk" c ON c."id" = s."chunkId"
           JOIN "KnowledgeArtifact" a ON a."id" = c."artifactId", to_tsquery('simple', $1) q
           WHERE s."document" @@ q AND a."status" = 'approved' AND a."deletedAt" IS NULL AND c."version" = a."version"
             AND (a."visibility" = 'shared' OR a."ownerId" = $2)
           ORDER BY "score" DESC, c."id" LIMIT $3`,
          query,
          o.userId,
          o.limit,
        )
      : await db.$queryRawUnsafe<Row[]>(
          `SELECT c."id" AS "chunkId", a."id" AS "artifactId", a."title", a."path", a."domain", a."sourceUrl", a."trustScore", c."content",
             -bm25("KnowledgeChunkFts") AS "score"
           FROM "KnowledgeChunkFts"
           JOIN "KnowledgeChunk" c ON c."id" = "KnowledgeChunkFts".rowid
           JOIN "KnowledgeArtifact" a ON a."id" = c."artifactId"
           WHERE "KnowledgeChunkFts" MATCH ? AND a."status" = 'approved' AND a."deletedAt" IS NULL AND c."version" = a."version"
             AND (a."visibility" = 'shared' OR a."ownerId" = ?)
           ORDER BY bm25("KnowledgeChunkFts"), c."id" LIMIT ?`,
          query,
          o.userId,
          o.limit,
        );
  const wanted = new Set(o.groups.flatMap((g) => g.terms));
  return rows.map((r, i) => ({
    chunk_id: Number(r.chunkId),
    artifact_id: Number(r.artifactId),
    title: r.title,
    path: r.path,
    domain: r.domain,
    source_url: r.sourceUrl,
    trust_score: Number(r.trustScore),
    content: r.content,
    snippet: highlight(snippet(r.content, wanted)),
    ...rankScore(i + 1),
    relevance: Number(r.score),
  }));
}

/** Words around the best match in a snippet. */
const SNIPPET_WORDS = 24;
/** Longest word and longest gap between words shown in a snippet, in characters. */
const SNIPPET_WORD_CHARS = 60;
const SNIPPET_GAP_CHARS = 40;

const termsCache = new Map<string, string[]>();

/** wordTerms, remembered: the same words come back in passage after passage. */
function termsOfWord(word: string): string[] {
  let terms = termsCache.get(word);
  if (!terms) {
    if (termsCache.size >= 50_000) termsCache.clear();
    terms = wordTerms(word);
    termsCache.set(word, terms);
  }
  return terms;
}

/**
 * The passage around its best match, with the matched words between OPEN and CLOSE: a window
 * of SNIPPET_WORDS words holding the most matches. The index holds stems, so a word matches
 * when one of its stems (in any language its script can be, the passage's among them) is a
 * query term: "Bridges" is marked for a question about a bridge. Cut only between words,
 * never inside a surrogate pair.
 */
export function snippet(content: string, wanted: ReadonlySet<string>): string {
  const text = content.replaceAll(OPEN, "").replaceAll(CLOSE, "");
  const toks = tokens(text);
  if (!toks.length) return truncate(text, SNIPPET_WORDS * 8);
  const hit = toks.map((t) => termsOfWord(t.word).some((term) => wanted.has(term)));
  // The window with the most matches, the earliest among equals: one pass with a running count.
  const size = Math.min(SNIPPET_WORDS, toks.length);
  let inWindow = 0;
  for (let k = 0; k < size; k++) if (hit[k]) inWindow++;
  let best = inWindow;
  let from = 0;
  for (let k = size; k < toks.length; k++) {
    inWindow += Number(hit[k]) - Number(hit[k - size]);
    if (inWindow > best) {
      best = inWindow;
      from = k - size + 1;
    }
  }
  // The matches in the middle of the window, with words on both sides where the passage has them.
  let first = from;
  let last = from + size - 1;
  while (first < last && !hit[first]) first++;
  while (last > first && !hit[last]) last--;
  if (hit[first]) {
    const centred = Math.floor((first + last + 1) / 2 - size / 2);
    from = Math.max(0, Math.min(toks.length - size, Math.max(last - size + 1, Math.min(first, centred))));
  }
  const to = from + size;
  let out = from === 0 ? clip(text.slice(0, toks[0].start)) : "… ";
  for (let k = from; k < to; k++) {
    const t = toks[k];
    if (k > from) out += clip(text.slice(toks[k - 1].end, t.start));
    const word = truncate(text.slice(t.start, t.end), SNIPPET_WORD_CHARS);
    out += hit[k] ? `${OPEN}${word}${CLOSE}` : word;
  }
  out += to === toks.length ? clip(text.slice(toks[to - 1].end)) : " …";
  return out.trim();
}

/** A gap between words as shown: long runs of spaces or punctuation shortened. */
function clip(gap: string): string {
  return gap.length <= SNIPPET_GAP_CHARS ? gap : " … ";
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
