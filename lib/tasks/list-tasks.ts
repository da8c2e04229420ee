import { db as defaultDb, type Db } from "../db/client";
import { page } from "../api/pagination";
import { serializeTask } from "./schemas";

/** The user's own to-dos, newest first, optionally of one status. */
export async function listTasks(o: { user: { id: number }; status?: string; limit: number; cursor?: number; db?: Db }) {
  const db = o.db ?? defaultDb;
  const rows = await db.task.findMany({
    where: { userId: o.user.id, ...(o.status ? { status: o.status } : {}), ...(o.cursor ? { id: { lt: o.cursor } } : {}) },
    orderBy: { id: "desc" },
    take: o.limit + 1,
  });
  const { items, next_cursor } = page(rows, o.limit, (t) => t.id);
  return { items: items.map(serializeTask), next_cursor };
}
