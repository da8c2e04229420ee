import type { Db } from "../db/client";
import type { AuthUser, Role } from "../auth/schemas";
import { hashToken, looksLikeToken } from "./token-format";

const TOUCH_EVERY_MS = 60_000;

type TokenRow = {
  id: number | bigint;
  expiresAt: Date | string | null;
  revokedAt: Date | string | null;
  userId: number | bigint;
  username: string;
  role: string;
  disabledAt: Date | string | null;
  mustChangePassword: boolean | number | bigint;
};
const lastTouched = new Map<number, number>();

/** The user behind a bearer token, or null when it is unknown, revoked, expired or disabled. */
export async function authenticateToken(o: { db: Db; token: string }): Promise<(AuthUser & { tokenId: number; tokenExpiresAt: Date | null; mustChangePassword: boolean }) | null> {
  const { db, token } = o;
  if (!looksLikeToken(token)) return null;
  // One joined query: this runs on every API request, and the query builder's include takes
  // two statements and costs more than the lookup itself.
  const [row] = await db.$queryRaw<TokenRow[]>`
    SELECT t."id", t."expiresAt", t."revokedAt", u."id" AS "userId", u."username", u."role", u."disabledAt", u."mustChangePassword"
    FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId"
    WHERE t."tokenHash" = ${hashToken(token)}`;
  const now = Date.now();
  const expiresAt = row?.expiresAt == null ? null : new Date(row.expiresAt);
  if (!row || row.revokedAt != null || (expiresAt && expiresAt.getTime() <= now) || row.disabledAt != null) return null;
  const tokenId = Number(row.id);
  touch(db, tokenId, now);
  // A boolean on PostgreSQL, 0 or 1 on SQLite.
  const mustChangePassword = row.mustChangePassword === true || Number(row.mustChangePassword) === 1;
  return { id: Number(row.userId), username: row.username, role: row.role as Role, tokenId, tokenExpiresAt: expiresAt, mustChangePassword };
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
