import type { Tx } from "../db/client";

/**
 * Revokes a user's live tokens inside the caller's transaction (whose audit entry says how
 * many): all of them, or only those issued by signing in through the API (`kind: "login"`),
 * optionally sparing the one the caller is using. Returns how many were revoked.
 */
export async function revokeUserTokens(o: { tx: Tx; userId: number; kind?: "login"; exceptId?: number | null }): Promise<number> {
  const { tx } = o;
  const { count } = await tx.apiToken.updateMany({
    where: {
      userId: o.userId,
      revokedAt: null,
      ...(o.kind ? { kind: o.kind } : {}),
      ...(o.exceptId ? { id: { not: o.exceptId } } : {}),
    },
    data: { revokedAt: new Date() },
  });
  return count;
}
