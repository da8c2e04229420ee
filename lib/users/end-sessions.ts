import type { Tx } from "../db/client";
import { usersChanged } from "../auth/user-state";

/**
 * Ends every browser session of a user: their session version moves on, so every cookie
 * issued before (which carries the old one) stops working in every process. Returns the new
 * version, for a caller that re-issues its own cookie.
 */
export async function endSessions(o: { tx: Tx; userId: number }): Promise<number> {
  const { tx } = o;
  const user = await tx.user.update({ where: { id: o.userId }, data: { sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
  await usersChanged({ tx });
  return user.sessionVersion;
}
