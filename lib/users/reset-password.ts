import type { Tx } from "../db/client";
import { append } from "../audit";
import { SYSTEM_ACTOR } from "../audit/actors";
import { NotFoundError } from "../errors";
import { revokeUserTokens } from "../tokens/revoke-user-tokens";
import { endSessions } from "./end-sessions";

/**
 * `npm run admin:reset-password`: someone at the server gives an account (usually the only
 * admin, locked out) a temporary password. Like an admin's reset: sessions end, API sign-in
 * tokens are revoked, the new password must be changed at sign-in; and the name's failed
 * sign-ins are cleared so a lockout does not keep them out. Audited as `system`.
 */
export async function resetPassword(o: { tx: Tx; username: string; passwordHash: string }) {
  const { tx } = o;
  const user = await tx.user.findUnique({ where: { username: o.username.trim().toLowerCase() } });
  if (!user) throw new NotFoundError(`user "${o.username}"`);
  await tx.user.update({ where: { id: user.id }, data: { passwordHash: o.passwordHash, mustChangePassword: true } });
  await endSessions({ tx, userId: user.id });
  const loginTokensRevoked = await revokeUserTokens({ tx, userId: user.id, kind: "login" });
  const { count: failuresCleared } = await tx.signInAttempt.deleteMany({ where: { username: user.username, outcome: "failure" } });
  await append({
    tx,
    actor: SYSTEM_ACTOR,
    action: "user.password_reset",
    resource: `user:${user.id}`,
    subsystem: "auth",
    payload: { username: user.username, via: "admin:reset-password", login_tokens_revoked: loginTokensRevoked, failed_sign_ins_cleared: failuresCleared },
    result: "success",
  });
  return { id: user.id, username: user.username, role: user.role, disabled: user.disabledAt !== null };
}
