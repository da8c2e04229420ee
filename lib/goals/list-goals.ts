import { db as defaultDb, type Db } from "../db/client";
import { page } from "../api/pagination";
import { serializeGoal } from "./schemas";

/** The user's goals, newest first. */
export async function listGoals(o: { user: { id: number }; limit: number; cursor?: number; db?: Db }) {
  const db = o.db ?? defaultDb;
  const rows = await db.goal.findMany({ where: { userId: o.user.id, ...(o.cursor ? { id: { lt: o.cursor } } : {}) }, orderBy: { id: "desc" }, take: o.limit + 1 });
  const { items, next_cursor } = page(rows, o.limit, (g) => g.id);
  return { items: items.map(serializeGoal), next_cursor };
}
