// next-auth (v4, pinned) configuration: a Credentials provider over signIn(), JWT sessions.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { config } from "../config";
import { clientIp } from "./client-ip";
import { credentialsSchema } from "./schemas";
import { authSecret } from "./secret";
import { activeSession, claimsOf, secureCookies, sessionCookieName } from "./session-cookie";
import { signIn } from "./sign-in";
import { writeTransaction } from "../db/transaction";
import { signOut } from "../users/sign-out";

// Thrown by the jwt callback for a cookie whose session has ended: next-auth's own session
// endpoint then clears it, as the API and the pages already ignore it.
const SESSION_ENDED = "session ended";

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: config.sessionMaxAgeSeconds },
    useSecureCookies: secureCookies(),
    cookies: {
      sessionToken: {
        name: sessionCookieName(),
        options: { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies() },
      },
    },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Grace",
        credentials: { username: { label: "Username", type: "text" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const parsed = credentialsSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const result = await signIn({ ...parsed.data, ip: clientIp(req.headers ?? {}), via: "web" });
          if (result.ok) return { id: String(result.user.id), name: result.user.username, sessionVersion: result.sessionVersion };
          // The sign-in page shows this: the retry time, not a generic failure.
          if (result.reason === "locked") throw new Error(`locked:${Math.ceil(result.retryAfterSeconds)}`);
          return null;
        },
      }),
    ],
    events: {
      // Sign-in is audited by signIn(). Signing out ends the session for good: the user's
      // session version moves on, so this cookie (and any copy of it) stops working.
      async signOut({ token }) {
        const claims = claimsOf(token);
        if (claims) await writeTransaction((tx) => signOut({ tx, claims }));
      },
    },
    callbacks: {
      // The cookie carries the user id and their session version at sign-in (`sv`); role and
      // status are looked up per request (lib/auth/session-cookie.ts).
      async jwt({ token, user }) {
        if (user) return { sub: user.id, name: user.name, sv: (user as { sessionVersion?: number }).sessionVersion ?? 0 };
        if (!(await activeSession(claimsOf(token)))) throw new Error(SESSION_ENDED);
        return token;
      },
      session: ({ session, token }) => ({ ...session, user: { name: token.name ?? null } }),
    },
    logger: {
      error(code, metadata) {
        if (code === "JWT_SESSION_ERROR" && metadata instanceof Error && metadata.message === SESSION_ENDED) return;
        console.error(`[next-auth][error][${code}]`, metadata);
      },
    },
  };
}
