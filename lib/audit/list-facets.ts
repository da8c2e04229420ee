import { db as defaultDb, Prisma, type Db } from "../db/client";

/** The most values one list returns (the actor list grows with the users). */
export const MAX_FACET_VALUES = 500;

const COLUMNS = ["subsystem", "actor", "action"] as const;
type Column = (typeof COLUMNS)[number];

export type AuditFacets = { subsystems: string[]; actors: string[]; actions: string[] };

/**
 * The distinct subsystems, actors and actions in the log, sorted, for the audit page's
 * filters. `actor` set (someone who is not an admin): only the values in that actor's own
 * entries, read through the (actor, sequence) index.
 *
 * The whole log's values are read by a skip scan: each step asks the (column, sequence)
 * index for the smallest value above the last one, so the cost grows with the number of
 * distinct values, not with the number of entries.
 */
export async function listAuditFacets(o: { actor?: string; db?: Db } = {}): Promise<AuditFacets> {
  const db = o.db ?? defaultDb;
  const [subsystems, actors, actions] = await Promise.all(COLUMNS.map((c) => (o.actor === undefined ? distinct(db, c) : c === "actor" ? actorOnly(db, o.actor) : distinctFor(db, c, o.actor))));
  return { subsystems, actors, actions };
}

async function distinct(db: Db, column: Column): Promise<string[]> {
  // The column name is one of three constants, never input.
  const rows = await db.$queryRawUnsafe<{ v: string }[]>(
    `WITH RECURSIVE "facet"("v") AS (
       SELECT MIN("${column}") FROM "LogEntry"
       UNION ALL
       SELECT (SELECT MIN("${column}") FROM "LogEntry" WHERE "${column}" > "facet"."v") FROM "facet" WHERE "facet"."v" IS NOT NULL
     )
     SELECT "v" FROM "facet" WHERE "v" IS NOT NULL LIMIT ${MAX_FACET_VALUES}`,
  );
  return rows.map((r) => r.v);
}

async function actorOnly(db: Db, actor: string): Promise<string[]> {
  return (await db.logEntry.findFirst({ where: { actor }, select: { id: true } })) ? [actor] : [];
}

async function distinctFor(db: Db, column: Exclude<Column, "actor">, actor: string): Promise<string[]> {
  // One person's entries, found by the (actor, sequence) index.
  const rows = await db.$queryRaw<{ v: string }[]>`SELECT DISTINCT ${Prisma.raw(`"${column}"`)} AS "v" FROM "LogEntry" WHERE "actor" = ${actor} LIMIT ${MAX_FACET_VALUES}`;
  return rows.map((r) => r.v).sort();
}
