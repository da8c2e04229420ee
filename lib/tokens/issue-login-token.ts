import type { Tx } from "../db/client";
import { config } from "../config";
import { createToken } from "./create-token";

/** The access_token of POST /api/auth/login|register: a personal token named after the login. */
export async function issueLoginToken(o: { tx: Tx; user: { id: number; username: string }; ip: string }) {
  const { tx } = o;
  const now = new Date();
  const expiresAt = new Date(now.getTime() + config.loginTokenTtlSeconds * 1000);
  const { token } = await createToken({
    tx,
    user: o.user,
    name: `Login ${now.toISOString().slice(0, 16).replace("T", " ")} UTC from ${o.ip}`,
    kind: "login",
    expiresAt,
  });
  return { access_token: token, token_type: "bearer" as const, expires_at: expiresAt.toISOString() };
}
