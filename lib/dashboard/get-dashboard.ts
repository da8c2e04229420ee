import { db as defaultDb, type Db } from "../db/client";
import type { AuthUser } from "../auth/schemas";
import { auditActorFilter } from "../auth/access";
import { getHealth } from "../health/get-health";

/** What the dashboard shows a user: health, the audit head, their live tokens, recent entries they may see. */
export async function getDashboard(o: { user: AuthUser; db?: Db }) {
  const db = o.db ?? defaultDb;
  const actor = auditActorFilter(o.user);
  const [health, head, tokens, recent] = await Promise.all([
    getHealth(db),
    db.logHead.findUnique({ where: { id: 1 } }),
    db.apiToken.count({ where: { userId: o.user.id, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] } }),
    db.logEntry.findMany({ where: actor ? { actor } : {}, orderBy: { sequence: "desc" }, take: 8 }),
  ]);
  return { health, head, tokens, recent };
}
