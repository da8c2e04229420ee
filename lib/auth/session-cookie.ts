// The browser session: next-auth's encrypted JWT in an httpOnly, SameSite=Lax cookie. The API
// wrapper reads it straight from the Request (no next/headers), so handlers run anywhere.
//
// The JWT carries the user id and the user's session version at sign-in (`sv`). A session is
// live while that version is still the user's (sign-out, a password change, a role change and
// disabling bump it), the user exists and is not disabled: checked on every request against
// the per-process copy in user-state.ts.
import { decode, encode } from "next-auth/jwt";
import type { Db } from "../db/client";
import { authSecret } from "./secret";
import { config } from "../config";
import { toAuthUser } from "./sign-in";
import { userState } from "./user-state";
import type { AuthUser } from "./schemas";

export function secureCookies(): boolean {
  return (config.publicOrigin ?? "").startsWith("https://");
}

export function sessionCookieName(): string {
  return secureCookies() ? "__Secure-grace.session-token" : "grace.session-token";
}

export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined; // a malformed cookie is no cookie
      }
    }
  }
  return undefined;
}

/** What a session JWT says: whose it is and the session version it was issued at. */
export type SessionClaims = { userId: number; sessionVersion: number };

/** The claims of a valid (signed by us, unexpired) session JWT, or null. */
export async function readSessionClaims(token: string | undefined): Promise<SessionClaims | null> {
  if (!token) return null;
  try {
    const jwt = await decode({ token, secret: authSecret() });
    return claimsOf(jwt);
  } catch {
    return null; // expired, tampered or from another secret: simply not signed in
  }
}

/** The claims in a decoded next-auth token. Cookies issued before versions existed count as version 0. */
export function claimsOf(jwt: { sub?: unknown; sv?: unknown } | null | undefined): SessionClaims | null {
  const userId = Number(jwt?.sub);
  if (!Number.isInteger(userId) || userId <= 0) return null;
  const sessionVersion = jwt?.sv === undefined ? 0 : Number(jwt.sv);
  return Number.isInteger(sessionVersion) ? { userId, sessionVersion } : null;
}

export type ActiveSession = { user: AuthUser; sessionVersion: number; mustChangePassword: boolean };

/** The session behind claims if it is still live, or null (signed out elsewhere, disabled, deleted). */
export async function activeSession(claims: SessionClaims | null, o: { db?: Db; maxAgeMs?: number } = {}): Promise<ActiveSession | null> {
  if (!claims) return null;
  const state = await userState(claims.userId, o);
  if (!state || state.disabled || state.sessionVersion !== claims.sessionVersion) return null;
  return { user: toAuthUser(state), sessionVersion: state.sessionVersion, mustChangePassword: state.mustChangePassword };
}

/** The live session in a request's cookie, or null. */
export async function sessionFromRequest(req: Request, o: { db?: Db } = {}): Promise<ActiveSession | null> {
  return activeSession(await readSessionClaims(readCookie(req.headers.get("cookie"), sessionCookieName())), o);
}

/** The JWT next-auth would issue at sign-in, for the given session version. */
export function encodeSession(user: { id: number; username: string }, sessionVersion: number): Promise<string> {
  return encode({ token: { sub: String(user.id), name: user.username, sv: sessionVersion }, secret: authSecret(), maxAge: config.sessionMaxAgeSeconds });
}

/**
 * A Set-Cookie value carrying a fresh session (after a password change ended the others), or
 * clearing it (`null`), with the attributes next-auth gives its own cookie.
 */
export function sessionSetCookie(jwt: string | null): string {
  const maxAge = jwt === null ? 0 : config.sessionMaxAgeSeconds;
  const expires = new Date(jwt === null ? 0 : Date.now() + maxAge * 1000).toUTCString();
  const parts = [`${sessionCookieName()}=${jwt ?? ""}`, "Path=/", `Expires=${expires}`, `Max-Age=${maxAge}`, "HttpOnly", "SameSite=Lax"];
  if (secureCookies()) parts.push("Secure");
  return parts.join("; ");
}
