// next-auth (v4, pinned) configuration: a Credentials provider over signIn(), JWT sessions.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { config } from "../config";
import { clientIp } from "./client-ip";
import { credentialsSchema } from "./schemas";
import { authSecret } from "./secret";
import { secureCookies, sessionCookieName } from "./session-cookie";
import { signIn } from "./sign-in";
import { append } from "../audit";
import { writeTransaction } from "../db/transaction";

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
          if (result.ok) return { id: String(result.user.id), name: result.user.username };
          // The sign-in page shows this: the retry time, not a generic failure.
          if (result.reason === "locked") throw new Error(`locked:${Math.ceil(result.retryAfterSeconds)}`);
          return null;
        },
      }),
    ],
    events: {
      // Sign-in is audited by signIn(); the session's end is audited here.
      async signOut({ token }) {
        const username = typeof token?.name === "string" ? token.name : "unknown";
        await writeTransaction((tx) =>
          append(tx, { actor: username, action: "auth.logout", resource: `user:${token?.sub ?? "unknown"}`, subsystem: "auth", payload: { via: "web" }, result: "success" }),
        );
      },
    },
    callbacks: {
      // Only the user id travels in the cookie; role and status are read fresh per request.
      jwt: ({ token, user }) => (user ? { sub: user.id, name: user.name } : token),
      session: ({ session, token }) => ({ ...session, user: { name: token.name ?? null } }),
    },
  };
}
