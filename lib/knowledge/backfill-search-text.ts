// Writes "searchText" for passages stored before the column existed (or by anything that
// left it NULL), so the full-text index covers them: run right after migrating, since the
// migration runner runs SQL only and the words are made in JS (lib/text/tokenize.ts).
//
// Batches of BATCH rows, their words made before each short write transaction. Idempotent
// and safe with several processes at once: a row is only written while still NULL, so two
// processes on the same batch write the same words once; each moves on past the ids it saw.
import { db as defaultDb, Prisma, type Db } from "../db/client";
import { detectLanguage, indexTerms, type Lang } from "../text/tokenize";
import { SAMPLE } from "../text/language/detect";

const BATCH = 500;

export async function backfillSearchText(o: { db?: Db; batch?: number; log?: (line: string) => void } = {}): Promise<number> {
  const db = o.db ?? defaultDb;
  const batch = o.batch ?? BATCH;
  let after = 0;
  let written = 0;
  for (;;) {
    const rows = await db.knowledgeChunk.findMany({
      where: { searchText: null, id: { gt: after } },
      orderBy: { id: "asc" },
      take: batch,
      select: { id: true, artifactId: true, version: true, content: true },
    });
    if (!rows.length) break;
    after = rows[rows.length - 1].id;
    const langs = await documentLanguages(db, rows);
    const updates = rows.map((r) => ({ id: r.id, searchText: indexTerms(r.content, langs.get(`${r.artifactId}:${r.version}`) ?? detectLanguage(r.content)).join(" ") }));
    const counts = await db.$transaction(updates.map((u) => db.knowledgeChunk.updateMany({ where: { id: u.id, searchText: null }, data: { searchText: u.searchText } })));
    written += counts.reduce((n, c) => n + c.count, 0);
  }
  if (written) o.log?.(`re-indexed ${written} passage${written === 1 ? "" : "s"} for search`);
  return written;
}

/**
 * The language of each document the rows come from, detected as ingest does (on the whole
 * document's opening), from the stored version's first SAMPLE characters. Passages of a
 * document without a stored version are detected on their own.
 */
async function documentLanguages(db: Db, rows: { artifactId: number; version: number }[]): Promise<Map<string, Lang>> {
  const keys = [...new Map(rows.map((r) => [`${r.artifactId}:${r.version}`, { artifactId: r.artifactId, version: r.version }])).values()];
  const langs = new Map<string, Lang>();
  for (let i = 0; i < keys.length; i += 100) {
    const part = keys.slice(i, i + 100);
    // Only the opening is read: detectLanguage looks at no more than SAMPLE characters.
    const heads = await db.$queryRaw<{ artifactId: number | bigint; version: number | bigint; head: string }[]>`
      SELECT "artifactId", "version", substr("content", 1, ${Prisma.raw(String(SAMPLE))}) AS "head" FROM "KnowledgeArtifactVersion"
      WHERE ("artifactId", "version") IN (${Prisma.join(part.map((k) => Prisma.sql`(${k.artifactId}, ${k.version})`))})`;
    for (const h of heads) langs.set(`${Number(h.artifactId)}:${Number(h.version)}`, detectLanguage(h.head));
  }
  return langs;
}
