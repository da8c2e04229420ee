import type { Db } from "../db/client";
import type { AuthUser, Role } from "../auth/schemas";
import { hashToken, looksLikeToken } from "./token-format";

const TOUCH_EVERY_MS = 60_000;
const lastTouched = new Map<number, number>();

/** The user behind a bearer token, or null when it is unknown, revoked, expired or disabled. */
export async function authenticateToken(db: Db, token: string): Promise<(AuthUser & { tokenId: number; tokenExpiresAt: Date | null }) | null> {
  if (!looksLikeToken(token)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { select: { id: true, username: true, role: true, disabledAt: true } } },
  });
  const now = Date.now();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= now) || row.user.disabledAt) return null;
  touch(db, row.id, now);
  return { id: row.user.id, username: row.user.username, role: row.user.role as Role, tokenId: row.id, tokenExpiresAt: row.expiresAt };
}

// last_used_at is written at most once a minute per token and per process, off the
// request's path: a hot token must not turn every read into a write.
function touch(db: Db, tokenId: number, now: number) {
  if (now - (lastTouched.get(tokenId) ?? 0) < TOUCH_EVERY_MS) return;
  lastTouched.set(tokenId, now);
  if (lastTouched.size > 10_000) lastTouched.clear();
  db.apiToken
    .updateMany({
      where: { id: tokenId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now - TOUCH_EVERY_MS) } }] },
      data: { lastUsedAt: new Date(now) },
    })
    .catch((error: unknown) => console.error("[tokens] could not record last use", error));
}
