import { db as defaultDb, type Db } from "../db/client";
import { page } from "../api/pagination";
import { serializeSource } from "./sources";

/** The trusted-source table, oldest first. */
export async function listSources(o: { limit: number; cursor?: number; db?: Db }) {
  const db = o.db ?? defaultDb;
  const rows = await db.trustedSource.findMany({ where: o.cursor ? { id: { gt: o.cursor } } : {}, orderBy: { id: "asc" }, take: o.limit + 1 });
  const { items, next_cursor } = page(rows, o.limit, (s) => s.id);
  return { items: items.map(serializeSource), next_cursor };
}
