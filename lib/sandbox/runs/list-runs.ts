import { db as defaultDb, type Db } from "../../db/client";
import { page } from "../../api/pagination";

/** The user's runs, newest first (the program's source and stdin are left out of the list). */
export async function listRuns(o: { db?: Db; userId: number; limit: number; cursor?: number }) {
  const rows = await (o.db ?? defaultDb).sandboxRun.findMany({
    where: { userId: o.userId, ...(o.cursor ? { id: { lt: o.cursor } } : {}) },
    orderBy: { id: "desc" },
    take: o.limit + 1,
    omit: { source: true, stdin: true },
  });
  return page(rows, o.limit, (r) => r.id);
}
