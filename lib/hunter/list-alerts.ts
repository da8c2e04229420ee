import { db as defaultDb, type Db } from "../db/client";
import { page } from "../api/pagination";
import { ownedScope } from "../auth/access";
import { serializeAlert } from "./serialize";
import type { AuthUser } from "../auth/schemas";

/** Newest first. Admins see every alert; anyone else the alerts about what they did. */
export async function listAlerts(o: { user: Pick<AuthUser, "id" | "role">; status?: string; severity?: string; target?: string; limit: number; cursor?: number; db?: Db }) {
  const db = o.db ?? defaultDb;
  const rows = await db.securityEvent.findMany({
    where: {
      ...ownedScope(o.user, "userId"),
      ...(o.status ? { status: o.status } : {}),
      ...(o.severity ? { severity: o.severity } : {}),
      ...(o.target ? { target: o.target } : {}),
      ...(o.cursor ? { id: { lt: o.cursor } } : {}),
    },
    orderBy: { id: "desc" },
    take: o.limit + 1,
  });
  const { items, next_cursor } = page(rows, o.limit, (r) => r.id);
  return { items: items.map(serializeAlert), next_cursor };
}
