// The browser session: next-auth's encrypted JWT in an httpOnly, SameSite=Lax cookie. The API
// wrapper reads it straight from the Request (no next/headers), so handlers run anywhere.
import { decode } from "next-auth/jwt";
import { authSecret } from "./secret";
import { config } from "../config";

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

/** The user id in a valid session cookie, or null. */
export async function sessionUserId(req: Request): Promise<number | null> {
  const token = readCookie(req.headers.get("cookie"), sessionCookieName());
  if (!token) return null;
  try {
    const jwt = await decode({ token, secret: authSecret() });
    const id = Number(jwt?.sub);
    return Number.isInteger(id) && id > 0 ? id : null;
  } catch {
    return null; // expired, tampered or from another secret: simply not signed in
  }
}
