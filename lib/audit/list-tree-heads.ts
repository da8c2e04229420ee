import { db as defaultDb, type Db } from "../db/client";
import { treeHeadJson } from "./tree-head-message";

/** Signed tree heads, newest (largest) first; one extra row tells the caller there is a next page. */
export async function listTreeHeads(o: { limit: number; beforeSize?: number; db?: Db }) {
  const db = o.db ?? defaultDb;
  const rows = await db.treeHead.findMany({
    where: o.beforeSize !== undefined ? { treeSize: { lt: o.beforeSize } } : {},
    orderBy: { treeSize: "desc" },
    take: o.limit + 1,
  });
  return rows.map((h) => ({ id: h.id, ...treeHeadJson(h) }));
}
