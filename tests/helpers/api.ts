// Calls route handlers the way Next does — a Request in, a Response out — with real
// credentials (session cookies and bearer tokens) against the test file's real database.
import { encode } from "next-auth/jwt";
import { db } from "../../lib/db/client";
import { writeTransaction } from "../../lib/db/transaction";
import { hashPassword, registerUser } from "../../lib/auth/register-user";
import { createToken } from "../../lib/tokens/create-token";
import { sessionCookieName } from "../../lib/auth/session-cookie";
import type { Role } from "../../lib/auth/schemas";

export const ORIGIN = "http://grace.test";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type CallOptions = {
  method?: string;
  path?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  params?: Record<string, string>;
  bearer?: string;
  cookie?: string;
  origin?: string | null;
};

export async function call(handler: Handler, o: CallOptions = {}) {
  const method = o.method ?? (o.body !== undefined || o.rawBody !== undefined ? "POST" : "GET");
  const headers: Record<string, string> = { host: "grace.test", "x-grace-client-ip": "10.0.0.1", ...o.headers };
  if (o.bearer) headers.authorization = `Bearer ${o.bearer}`;
  if (o.cookie) headers.cookie = o.cookie;
  if (o.origin !== null && method !== "GET") headers.origin = o.origin ?? ORIGIN;
  let body: string | undefined = o.rawBody;
  if (o.body !== undefined) {
    body = JSON.stringify(o.body);
    headers["content-type"] = "application/json";
  }
  const req = new Request(`${ORIGIN}${o.path ?? "/api/test"}`, { method, headers, body });
  const res = await handler(req, { params: Promise.resolve(o.params ?? {}) });
  const text = await res.text();
  let json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary shapes
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

let counter = 0;
export async function createUser(o: { username?: string; password?: string; role?: Role } = {}) {
  const username = o.username ?? `user${++counter}_${Date.now().toString(36)}`;
  const passwordHash = await hashPassword(o.password ?? "correct horse battery");
  return writeTransaction((tx) => registerUser({ tx, username, passwordHash, role: o.role ?? "user", actor: "system" }));
}

export async function tokenFor(user: { id: number; username: string }, name = "test") {
  const { token } = await writeTransaction((tx) => createToken({ tx, user, name }));
  return token;
}

/**
 * A session cookie as the sign-in page issues it: the user id and their current session
 * version (or the one given), so it stops working when that version moves on.
 */
export async function sessionCookieFor(user: { id: number; username: string }, o: { sessionVersion?: number } = {}) {
  const sv = o.sessionVersion ?? (await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } })).sessionVersion;
  const jwt = await encode({ token: { sub: String(user.id), name: user.username, sv }, secret: process.env.NEXTAUTH_SECRET! });
  return `${sessionCookieName()}=${jwt}`;
}

/** The session cookie a response sets (as a Cookie header value), or null when it sets none or clears it. */
export function sessionCookieSetBy(res: { headers: Headers }): string | null {
  const header = res.headers.get("set-cookie");
  const match = header ? new RegExp(`(?:^|, )(${sessionCookieName().replace(/[.]/g, "\\.")}=[^;]*)`).exec(header) : null;
  return match && !match[1].endsWith("=") ? match[1] : null;
}

export { db };
