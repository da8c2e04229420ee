// Search in every supported language, on SQLite and on PostgreSQL alike: a question finds a
// passage written with another inflection of its words, in Russian, Chinese, with accents or
// without; both databases index exactly the words lib/text/tokenize.ts made, so they answer
// the same passages; and passages stored before the search words existed are re-indexed by
// the backfill.
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { databaseConfig } from "../../lib/db/config";
import * as ingestText from "../../app/api/ingest/text/route";
import * as search from "../../app/api/knowledge/search/route";
import { databaseProvider } from "../../lib/db/client";
import { backfillSearchText } from "../../lib/knowledge/backfill-search-text";
import { searchChunks, termPassageCounts } from "../../lib/knowledge/search";
import { queryTerms } from "../../lib/text/tokenize";
import { call, createUser, db, tokenFor } from "../helpers/api";
import { createLoggingDb } from "../helpers/query-log";

const PASSAGES: Record<string, string> = {
  Neva: "Мосты через Неву разводят по ночам, когда идут корабли.",
  Museum: "Музей открыт каждый день, кроме понедельника.",
  Coolant: "科尔瓦斯冷却液的流量为每分钟十二升，请每周检查一次。",
  Tokyo: "東京都の人口は約1400万人です。",
  Cafe: "The Café Central opens at nine every morning and serves strudel.",
  Puentes: "Los puentes de la ciudad se cierran durante las tormentas.",
  Chateau: "Les châteaux de la Loire attirent des visiteurs chaque été.",
  Bruecken: "Die Brücken über den Rhein wurden nach dem Krieg erneuert.",
  Library: "المكتبات العامة مفتوحة للجميع في المدينة.",
  Bridges: "The old bridges over the river were rebuilt after the flood.",
};

describe("search in every language", async () => {
  const alice = await createUser();
  const token = await tokenFor(alice);
  for (const [title, content] of Object.entries(PASSAGES)) {
    const res = await call(ingestText.POST, { bearer: token, body: { title, content } });
    expect(res.status).toBe(201);
  }

  const titles = async (query: string): Promise<string[]> => {
    const res = await call(search.POST, { bearer: token, body: { query, limit: 10 } });
    expect(res.status).toBe(200);
    return res.json.results.map((r: { title: string }) => r.title).sort();
  };

  it("finds a Russian passage for a question with another inflection of its words", async () => {
    expect(await titles("Какой мост разводят?")).toEqual(["Neva"]); // мост / Мосты
    expect(await titles("Когда открыт музей?")).toEqual(["Museum"]);
    expect(await titles("музее")).toEqual(["Museum"]); // музее / Музей
  });

  it("finds a Chinese passage for a Chinese question, and a Japanese one", async () => {
    expect(await titles("冷却液的流量是多少？")).toEqual(["Coolant"]);
    expect(await titles("東京の人口")).toEqual(["Tokyo"]);
  });

  it("finds Café for café and for cafe; accents and inflections in Spanish, French, German, Arabic", async () => {
    expect(await titles("café")).toEqual(["Cafe"]);
    expect(await titles("cafe central")).toEqual(["Cafe"]);
    expect(await titles("puente tormenta")).toEqual(["Puentes"]);
    expect(await titles("château Loire")).toEqual(["Chateau"]);
    expect(await titles("Brücke Rhein")).toEqual(["Bruecken"]);
    expect(await titles("Brucke")).toEqual(["Bruecken"]);
    expect(await titles("مكتبة")).toEqual(["Library"]);
    expect(await titles("bridge flood")).toEqual(["Bridges"]);
  });

  it("marks the matched words of the passage in the snippet, whatever their inflection", async () => {
    const res = await call(search.POST, { bearer: token, body: { query: "мост", limit: 1 } });
    expect(res.json.results[0].snippet).toContain("<mark>Мосты</mark>");
    const cafe = await call(search.POST, { bearer: token, body: { query: "cafe", limit: 1 } });
    expect(cafe.json.results[0].snippet).toContain("<mark>Café</mark>");
  });

  it("indexes exactly the words the tokenizer made, so both databases see the same terms", async () => {
    const chunks = await db.knowledgeChunk.findMany({ select: { id: true, searchText: true } });
    expect(chunks.length).toBe(Object.keys(PASSAGES).length);
    for (const c of chunks) {
      const expected = [...new Set((c.searchText ?? "").split(" ").filter(Boolean))].sort();
      expect(await indexedTerms(c.id)).toEqual(expected);
    }
  });

  it("counts the passages holding each term, and the passages indexed", async () => {
    const terms = queryTerms("мост café").flatMap((g) => g.terms);
    const { total, counts } = await termPassageCounts({ terms });
    expect(total).toBe(Object.keys(PASSAGES).length);
    expect(counts.get("мост")).toBe(1);
    expect(counts.get("cafe")).toBe(1);
  });

  it("re-indexes passages whose search words are missing (the backfill), once, with two processes at it", async () => {
    await db.$executeRawUnsafe(`UPDATE "KnowledgeChunk" SET "searchText" = NULL`);
    expect(await titles("мост")).toEqual([]);
    expect((await termPassageCounts({ terms: ["мост"], fresh: true })).counts.get("мост")).toBe(0);
    const [one, two] = await Promise.all([backfillSearchText({ batch: 3 }), backfillSearchText({ batch: 4 })]);
    expect(one + two).toBe(Object.keys(PASSAGES).length);
    expect(await backfillSearchText()).toBe(0);
    expect(await titles("Какой мост разводят?")).toEqual(["Neva"]);
    expect(await titles("冷却液的流量是多少？")).toEqual(["Coolant"]);
    expect(await titles("café")).toEqual(["Cafe"]);
    const chunks = await db.knowledgeChunk.findMany({ select: { id: true, searchText: true } });
    for (const c of chunks) expect(await indexedTerms(c.id)).toEqual([...new Set(c.searchText!.split(" ").filter(Boolean))].sort());
  });

  it("finds the passages through the full-text index: the AND of words, the OR fallback and the counts", async () => {
    // Enough passages that the planner prefers the index to walking the artifacts (last test: it adds them).
    const filler = await db.knowledgeArtifact.create({
      data: { ownerId: alice.id, path: "general/text/filler", title: "Filler", artifactType: "text", source: "manual", contentHash: "filler", sizeBytes: 1, dedupScope: "shared", trustScore: 50 },
    });
    await db.knowledgeChunk.createMany({ data: Array.from({ length: 3000 }, (_, i) => ({ artifactId: filler.id, version: 1, ordinal: i, content: `filler ${i}`, tokenCount: 2, searchText: `filler item${i}` })) });
    if (databaseProvider() === "postgres") await db.$executeRawUnsafe("ANALYZE");
    const logging = createLoggingDb();
    try {
      await searchChunks({ db: logging.db, userId: alice.id, query: "мост музей", limit: 5 }); // no passage has both: fallback
      await termPassageCounts({ db: logging.db, terms: ["мост"] });
      const searches = logging.queries.filter((q) => / MATCH | @@ /.test(q.sql)); // the full-text lookups, not the passage total
      expect(searches.length).toBeGreaterThanOrEqual(3);
      for (const q of searches) {
        const found = await explain(q.sql, q.params);
        if (databaseProvider() === "postgres") expect(found, q.sql).toContain("KnowledgeChunkSearch_document_idx");
        else expect(found, q.sql).toMatch(/SCAN (main\.)?KnowledgeChunkFts VIRTUAL TABLE INDEX \d+:M/);
      }
    } finally {
      await logging.close();
    }
  });
});

/** The terms the database's full-text index holds for one passage. */
async function indexedTerms(chunkId: number): Promise<string[]> {
  if (databaseProvider() === "postgres") {
    const rows = await db.$queryRawUnsafe<{ terms: string[] }[]>(`SELECT tsvector_to_array("document") AS terms FROM "KnowledgeChunkSearch" WHERE "chunkId" = $1`, chunkId);
    return (rows[0]?.terms ?? []).sort();
  }
  await db.$executeRawUnsafe(`CREATE VIRTUAL TABLE IF NOT EXISTS temp."KnowledgeChunkVocab" USING fts5vocab(main, 'KnowledgeChunkFts', 'instance')`);
  const rows = await db.$queryRawUnsafe<{ term: string }[]>(`SELECT DISTINCT term FROM temp."KnowledgeChunkVocab" WHERE doc = ?`, chunkId);
  return rows.map((r) => r.term).sort();
}

/** The plan of one statement: EXPLAIN QUERY PLAN on SQLite; EXPLAIN on PostgreSQL with sequential scans off (tiny tables). */
async function explain(sql: string, params: unknown[]): Promise<string> {
  const cfg = databaseConfig();
  if (cfg.provider === "sqlite") {
    const conn = new Database(cfg.file, { readonly: true });
    try {
      return (conn.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(" | ");
    } finally {
      conn.close();
    }
  }
  const client = new pg.Client({ connectionString: cfg.url });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL enable_seqscan = off");
    const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN ${sql}`, params);
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  } finally {
    await client.query("ROLLBACK");
    await client.end();
  }
}
