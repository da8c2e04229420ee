import type { Tx } from "../db/client";
import { append } from "../audit";
import { revokeUserTokens } from "../tokens/revoke-user-tokens";
import { endSessions } from "./end-sessions";

/**
 * "Sign out everywhere": ends every browser session of the user and revokes the tokens made
 * by signing in through the API (POST /api/auth/login|register). Personal tokens the user
 * created in Settings are theirs to revoke one by one: scripts may depend on them.
 */
export async function signOutEverywhere(o: { tx: Tx; user: { id: number; username: string }; via: string | null }) {
  const { tx } = o;
  await endSessions({ tx, userId: o.user.id });
  const loginTokensRevoked = await revokeUserTokens({ tx, userId: o.user.id, kind: "login" });
  await append({
    tx,
    actor: o.user.username,
    action: "auth.logout_everywhere",
    resource: `user:${o.user.id}`,
    subsystem: "auth",
    payload: { via: o.via, login_tokens_revoked: loginTokensRevoked },
    result: "success",
  });
  return { sessions_ended: true, login_tokens_revoked: loginTokensRevoked };
}
