import { db as defaultDb, type Db } from "../db/client";
import { page } from "../api/pagination";
import { serializeRule } from "./serialize";

/** Every rule, enabled or not, in the order they were made. */
export async function listRules(o: { limit: number; cursor?: number; target?: string; enabled?: boolean; db?: Db }) {
  const db = o.db ?? defaultDb;
  const rows = await db.securityRule.findMany({
    where: { ...(o.cursor ? { id: { gt: o.cursor } } : {}), ...(o.target ? { target: { contains: o.target } } : {}), ...(o.enabled !== undefined ? { enabled: o.enabled } : {}) },
    orderBy: { id: "asc" },
    take: o.limit + 1,
  });
  const { items, next_cursor } = page(rows, o.limit, (r) => r.id);
  return { items: items.map(serializeRule), next_cursor };
}
