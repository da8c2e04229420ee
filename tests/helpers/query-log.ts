// A second Prisma client on the test file's database that records every SQL statement it
// sends (Prisma's query events), for tests that read the queries a verb runs: the plans the
// database picks for them, or how many there are.
import { createDb, type Db, type Prisma } from "../../lib/db/client";

export type LoggedQuery = { sql: string; params: unknown[] };

export function createLoggingDb(): { db: Db; queries: LoggedQuery[]; reset: () => void; close: () => Promise<void> } {
  const db = createDb(undefined, { log: [{ emit: "event", level: "query" }] });
  const queries: LoggedQuery[] = [];
  (db as unknown as { $on: (event: "query", listener: (e: Prisma.QueryEvent) => void) => void }).$on("query", (e) => {
    queries.push({ sql: e.query, params: JSON.parse(e.params || "[]") as unknown[] });
  });
  return { db, queries, reset: () => void queries.splice(0), close: () => db.$disconnect() };
}

