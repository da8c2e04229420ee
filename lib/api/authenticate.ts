// Who is calling: a bearer token (hashed and looked up) or the session cookie. A disabled
// user's session is no session.
import { db } from "../db/client";
import type { AuthUser } from "../auth/schemas";
import { sessionUserId } from "../auth/session-cookie";
import { toAuthUser } from "../auth/sign-in";
import { authenticateToken } from "../tokens/authenticate-token";
import { UnauthorizedError } from "../errors";

export type Credentials = { user: AuthUser | null; via: "token" | "session" | null; token: { id: number; expiresAt: Date | null } | null };
export const ANONYMOUS: Credentials = { user: null, via: null, token: null };

export async function authenticate(req: Request): Promise<Credentials> {
  const header = req.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const found = match ? await authenticateToken(db, match[1]) : null;
    // A bad token is a 401 even on public routes: the caller meant to authenticate.
    if (!found) throw new UnauthorizedError("Could not validate credentials");
    const { tokenId, tokenExpiresAt, ...user } = found;
    return { user, via: "token", token: { id: tokenId, expiresAt: tokenExpiresAt } };
  }
  const id = await sessionUserId(req);
  if (id === null) return ANONYMOUS;
  const row = await db.user.findUnique({ where: { id } });
  if (!row || row.disabledAt) return ANONYMOUS;
  return { user: toAuthUser(row), via: "session", token: null };
}
