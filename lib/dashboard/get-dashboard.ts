import { db as defaultDb, type Db } from "../db/client";
import type { AuthUser } from "../auth/schemas";
import { getHealth } from "../health/get-health";

/** What the dashboard shows a user: health, the audit head, their live tokens (recent entries: components/dashboard/recent-activity.tsx). */
export async function getDashboard(o: { user: AuthUser; db?: Db }) {
  const db = o.db ?? defaultDb;
  const [health, head, tokens] = await Promise.all([
    getHealth({ db }),
    db.logHead.findUnique({ where: { id: 1 } }),
    db.apiToken.count({ where: { userId: o.user.id, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] } }),
  ]);
  return { health, head, tokens };
}
