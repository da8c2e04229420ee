// The unique-path lookup of an ingest (lib/knowledge/ingest-text.ts) must be answered from the
// unique index on "path", not by reading the whole table: EXPLAIN QUERY PLAN on SQLite, EXPLAIN
// on PostgreSQL (with sequential scans priced out, so a plan that still has one has no index to
// use). The check itself is tested on the prefix LIKE the lookup used before, which scans.
import { describe, expect, it } from "vitest";
import { databaseProvider, Prisma } from "../../lib/db/client";
import { takenPathsQuery } from "../../lib/knowledge/ingest-text";
import { createUser, db } from "../helpers/api";

type PgNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; "Index Cond"?: string; Plans?: PgNode[] };

/** The plan, one line per step: SQLite's own lines; PostgreSQL's nodes with the index condition they use. */
async function plan(query: Prisma.Sql): Promise<string[]> {
  if (databaseProvider() === "sqlite") {
    const rows = await db.$queryRaw<{ detail: string }[]>(Prisma.sql`EXPLAIN QUERY PLAN ${query}`);
    return rows.map((r) => r.detail);
  }
  const [row] = await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
    return tx.$queryRaw<{ "QUERY PLAN": unknown }[]>(Prisma.sql`EXPLAIN (FORMAT JSON) ${query}`);
  });
  const raw = row["QUERY PLAN"];
  const [{ Plan }] = (typeof raw === "string" ? JSON.parse(raw) : raw) as [{ Plan: PgNode }];
  const lines: string[] = [];
  const walk = (node: PgNode) => {
    lines.push([node["Node Type"], node["Index Name"] ?? node["Relation Name"] ?? "", node["Index Cond"] ? `Index Cond: ${node["Index Cond"]}` : ""].join(" ").trim());
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(Plan);
  return lines;
}

/**
 * What the lookup must never need: a full scan of the table or of a whole index (on PostgreSQL,
 * an index scan without an index condition), or a sort.
 */
function scans(lines: string[]): string[] {
  return databaseProvider() === "sqlite"
    ? lines.filter((l) => /^(SCAN|USE TEMP B-TREE)/.test(l.trim()))
    : lines.filter((l) => /^(Seq Scan|Sort)/.test(l) || (/^(Index Scan|Index Only Scan|Bitmap Index Scan)/.test(l) && !l.includes("Index Cond:")));
}

describe("the unique-path lookup's query plan", async () => {
  const owner = await createUser();
  // Enough rows that a planner has a table to choose about.
  await db.knowledgeArtifact.createMany({
    data: Array.from({ length: 300 }, (_, i) => ({
      ownerId: owner.id,
      path: `general/text/note-${i}`,
      title: `Note ${i}`,
      artifactType: "text",
      source: "manual",
      contentHash: `hash-${i}`,
      sizeBytes: 1,
      dedupScope: "shared",
      trustScore: 75,
    })),
  });
  if (databaseProvider() === "postgres") await db.$executeRawUnsafe(`ANALYZE "KnowledgeArtifact"`);

  it("looks candidates up in the unique index of path", async () => {
    const candidates = ["general/text/note", ...Array.from({ length: 15 }, (_, i) => `general/text/note-${i + 2}`)];
    const lines = await plan(takenPathsQuery(candidates));
    expect(lines.join("\n")).toMatch(/KnowledgeArtifact_path_key/);
    expect(scans(lines)).toEqual([]);
    // And it answers what is taken.
    expect((await db.$queryRaw<{ path: string }[]>(takenPathsQuery(candidates))).map((r) => r.path).sort()).toEqual(candidates.slice(1).sort());
  });

  it("the check catches a scan: the prefix LIKE the lookup used before reads the whole table", async () => {
    expect(scans(await plan(Prisma.sql`SELECT "path" FROM "KnowledgeArtifact" WHERE "path" LIKE ${"general/text/note%"}`))).not.toEqual([]);
  });
});
