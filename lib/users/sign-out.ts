import type { Tx } from "../db/client";
import { append } from "../audit";
import type { SessionClaims } from "../auth/session-cookie";
import { endSessions } from "./end-sessions";

/**
 * A browser signs out: its session ends, and with it every other browser session of that
 * user (there is one session version per user). A cookie whose session had already ended
 * changes nothing, so a stale copy can neither sign the user out nor write in their name.
 */
export async function signOut(o: { tx: Tx; claims: SessionClaims }): Promise<boolean> {
  const { tx } = o;
  const user = await tx.user.findUnique({ where: { id: o.claims.userId }, select: { id: true, username: true, sessionVersion: true } });
  if (!user || user.sessionVersion !== o.claims.sessionVersion) return false;
  await endSessions({ tx, userId: user.id });
  await append({ tx, actor: user.username, action: "auth.logout", resource: `user:${user.id}`, subsystem: "auth", payload: { via: "web" }, result: "success" });
  return true;
}
