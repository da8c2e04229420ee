// Who is calling: a bearer token (hashed and looked up) or the session cookie. A session is
// live only while its version is the user's (lib/auth/session-cookie.ts): signed out, a
// changed password or role, a disabled or deleted user end it.
import { db } from "../db/client";
import type { AuthUser } from "../auth/schemas";
import { sessionFromRequest } from "../auth/session-cookie";
import { authenticateToken } from "../tokens/authenticate-token";
import { UnauthorizedError } from "../errors";

export type Credentials = {
  user: AuthUser | null;
  via: "token" | "session" | null;
  token: { id: number; expiresAt: Date | null } | null;
  /** The user has a temporary password: only the change-password route serves them. */
  passwordChangeRequired: boolean;
};
export const ANONYMOUS: Credentials = { user: null, via: null, token: null, passwordChangeRequired: false };

export async function authenticate(req: Request): Promise<Credentials> {
  const header = req.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const found = match ? await authenticateToken({ db, token: match[1] }) : null;
    // A bad token is a 401 even on public routes: the caller meant to authenticate.
    if (!found) throw new UnauthorizedError("Could not validate credentials");
    const { tokenId, tokenExpiresAt, mustChangePassword, ...user } = found;
    return { user, via: "token", token: { id: tokenId, expiresAt: tokenExpiresAt }, passwordChangeRequired: mustChangePassword };
  }
  const session = await sessionFromRequest(req);
  if (!session) return ANONYMOUS;
  return { user: session.user, via: "session", token: null, passwordChangeRequired: session.mustChangePassword };
}
