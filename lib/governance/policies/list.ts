import { db as defaultDb, type Db } from "../../db/client";
import { encodeCursor } from "../../api/pagination";
import { serializePolicy } from "./serialize";

/**
 * Policies in the order they are consulted (priority, then id). The cursor is a position in
 * that order: policies are few, and a priority change reorders them anyway.
 */
export async function listPolicies(o: { limit: number; cursor?: number; actionType?: string; db?: Db }) {
  const db = o.db ?? defaultDb;
  const skip = o.cursor ?? 0;
  const rows = await db.governancePolicy.findMany({
    where: o.actionType ? { actionType: o.actionType } : {},
    orderBy: [{ priority: "asc" }, { id: "asc" }],
    skip,
    take: o.limit + 1,
  });
  const items = rows.slice(0, o.limit).map(serializePolicy);
  return { items, next_cursor: rows.length > o.limit ? encodeCursor(skip + o.limit) : null };
}
