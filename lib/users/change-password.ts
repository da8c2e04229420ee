import { setTimeout as sleep } from "node:timers/promises";
import { db as defaultDb, type Db } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { append } from "../audit";
import { failureDelayMs, lockStatus } from "../auth/lockout";
import { hashPassword, verifyPassword } from "../auth/password";
import { usersChanged } from "../auth/user-state";
import { ConflictError, invalid, NotFoundError, RateLimitedError } from "../errors";
import { revokeUserTokens } from "../tokens/revoke-user-tokens";
import { config } from "../config";

export type ChangePasswordOptions = {
  user: { id: number; username: string };
  currentPassword: string;
  newPassword: string;
  ip: string;
  /** The token the request came with, if any: it keeps working (the caller is this session). */
  keepTokenId?: number | null;
  db?: Db;
};

/**
 * A user changes their own password (a temporary one included). The current password is
 * required, and wrong guesses count towards the sign-in lockout like any other. On success
 * every other session ends (the session version moves on; the caller re-issues its own
 * cookie with the version returned), tokens from API sign-ins other than the caller's are
 * revoked, and `user.password_change` is audited in the same transaction. The slow hashing
 * happens before the transaction opens.
 */
export async function changePassword(o: ChangePasswordOptions): Promise<{ sessionVersion: number; loginTokensRevoked: number }> {
  const db = o.db ?? defaultDb;
  const lock = await lockStatus({ db, username: o.user.username, ip: o.ip });
  if (lock.locked) throw new RateLimitedError("Too many wrong passwords; try again later", lock.retryAfterSeconds);
  const row = await db.user.findUnique({ where: { id: o.user.id }, select: { passwordHash: true, mustChangePassword: true } });
  if (!row) throw new NotFoundError("user");

  if (!(await verifyPassword(row.passwordHash, o.currentPassword))) {
    // Recorded like a failed sign-in, under the same serialisation: parallel guesses cannot
    // slip past the lockout.
    const recentFailures = await writeTransaction(async (tx) => {
      if ((await lockStatus({ db: tx, username: o.user.username, ip: o.ip })).locked) return null;
      await tx.signInAttempt.create({ data: { username: o.user.username, ip: o.ip, outcome: "failure" } });
      await append({
        tx,
        actor: o.user.username,
        action: "user.password_change",
        resource: `user:${o.user.id}`,
        subsystem: "auth",
        payload: { ip: o.ip, reason: "wrong_current_password" },
        result: "failure",
      });
      return (await lockStatus({ db: tx, username: o.user.username, ip: o.ip })).recentFailures;
    }, db);
    if (recentFailures === null) throw new RateLimitedError("Too many wrong passwords; try again later", config.lockout.lockSeconds);
    const delay = failureDelayMs(recentFailures);
    if (delay > 0) await sleep(delay);
    throw invalid("current_password", "is not your current password");
  }
  if (o.newPassword === o.currentPassword) throw invalid("new_password", "must differ from your current password");
  const passwordHash = await hashPassword(o.newPassword);

  return writeTransaction(async (tx) => {
    const locked = await lockStatus({ db: tx, username: o.user.username, ip: o.ip });
    if (locked.locked) throw new RateLimitedError("Too many wrong passwords; try again later", locked.retryAfterSeconds);
    // Someone (an admin, another session) changed it while this one was hashing.
    const now = await tx.user.findUnique({ where: { id: o.user.id }, select: { passwordHash: true } });
    if (now?.passwordHash !== row.passwordHash) throw new ConflictError("Your password was changed meanwhile: sign in again");
    const updated = await tx.user.update({
      where: { id: o.user.id },
      data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    await usersChanged({ tx });
    const loginTokensRevoked = await revokeUserTokens({ tx, userId: o.user.id, kind: "login", exceptId: o.keepTokenId });
    await append({
      tx,
      actor: o.user.username,
      action: "user.password_change",
      resource: `user:${o.user.id}`,
      subsystem: "auth",
      payload: { ip: o.ip, was_temporary: row.mustChangePassword, login_tokens_revoked: loginTokensRevoked },
      result: "success",
    });
    return { sessionVersion: updated.sessionVersion, loginTokensRevoked };
  }, db);
}
