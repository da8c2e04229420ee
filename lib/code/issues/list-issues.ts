import { db as defaultDb, type Db } from "../../db/client";
import type { AuthUser } from "../../auth/schemas";
import { page } from "../../api/pagination";
import { ownIssues } from "./find-issue";
import { serializeIssue } from "./schemas";

/** The user's own code issues, newest first, optionally of one status. */
export async function listIssues(o: { user: Pick<AuthUser, "id" | "role">; status?: string; limit: number; cursor?: number; db?: Db }) {
  const db = o.db ?? defaultDb;
  const rows = await db.codeIssue.findMany({
    where: { ...ownIssues(o.user), ...(o.status ? { status: o.status } : {}), ...(o.cursor ? { id: { lt: o.cursor } } : {}) },
    orderBy: { id: "desc" },
    take: o.limit + 1,
  });
  const { items, next_cursor } = page(rows, o.limit, (i) => i.id);
  return { items: items.map(serializeIssue), next_cursor };
}
