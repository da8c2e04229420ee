import { db as defaultDb, type Db } from "../db/client";
import { USER_FIELDS } from "./serialize-user";

/** Every account, oldest first (limit + 1 rows: the extra one says "more"). Admins only: the route says so. */
export function listUsers(o: { limit: number; afterId?: number; db?: Db }) {
  return (o.db ?? defaultDb).user.findMany({
    where: o.afterId !== undefined ? { id: { gt: o.afterId } } : {},
    orderBy: { id: "asc" },
    take: o.limit + 1,
    select: USER_FIELDS,
  });
}
