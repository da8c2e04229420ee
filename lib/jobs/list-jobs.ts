import { db as defaultDb, type Db } from "../db/client";
import type { AuthUser } from "../auth/schemas";
import { ownedScope } from "../auth/access";
import { page } from "../api/pagination";
import { serializeJobFor } from "./serialize";

/** Newest first: the user's own jobs; an admin asking for everyone's sees every job, the loops' included. */
export async function listJobs(o: { user: AuthUser; everyone?: boolean; status?: string; limit: number; cursor?: number; db?: Db }) {
  const db = o.db ?? defaultDb;
  const rows = await db.job.findMany({
    where: {
      ...ownedScope(o.user, "createdById", { everyone: o.everyone === true }),
      ...(o.status ? { status: o.status } : {}),
      ...(o.cursor ? { id: { lt: o.cursor } } : {}),
    },
    orderBy: { id: "desc" },
    take: o.limit + 1,
  });
  const { items, next_cursor } = page(rows, o.limit, (j) => j.id);
  return { items: items.map((j) => serializeJobFor(o.user, j)), next_cursor };
}
