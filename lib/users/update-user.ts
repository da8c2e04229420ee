import type { Tx } from "../db/client";
import { appendMany, type AuditEvent } from "../audit";
import { usersChanged } from "../auth/user-state";
import { isAdmin } from "../auth/access";
import type { Role } from "../auth/schemas";
import { ConflictError, NotFoundError } from "../errors";
import { revokeUserTokens } from "../tokens/revoke-user-tokens";
import { assertNotLastAdmin } from "./last-admin";
import { USER_FIELDS } from "./serialize-user";

export type UserChanges = {
  role?: Role;
  disabled?: boolean;
  /** The hash of a temporary password (hash it before opening the transaction: it is slow). */
  temporaryPasswordHash?: string;
};

/**
 * An admin changes an account, each change audited in the same transaction:
 * - role (`user.role_change`): the user's sessions end, so they sign in again with the new role;
 * - disabled (`user.disable`): sessions end and every token is revoked; enabling
 *   (`user.enable`) brings back neither;
 * - a temporary password (`user.password_reset`): sessions end, tokens from API sign-ins are
 *   revoked, and the user must choose a new password at next sign-in.
 * The last active admin cannot be demoted or disabled, and nobody disables themself.
 */
export async function updateUser(o: { tx: Tx; admin: { id: number; username: string }; userId: number; changes: UserChanges }) {
  const { tx } = o;
  const target = await tx.user.findUnique({ where: { id: o.userId } });
  if (!target) throw new NotFoundError("user");
  const { role, disabled, temporaryPasswordHash } = o.changes;
  const roleChanges = role !== undefined && role !== target.role;
  const disabling = disabled === true && target.disabledAt === null;
  const enabling = disabled === false && target.disabledAt !== null;

  if (disabling && target.id === o.admin.id) throw new ConflictError("You cannot disable your own account: another admin can");
  if (roleChanges && isAdmin(target)) await assertNotLastAdmin({ tx, target, change: "demote" });
  if (disabling) await assertNotLastAdmin({ tx, target, change: "disable" });

  const resource = `user:${target.id}`;
  const events: AuditEvent[] = [];
  const data: { role?: Role; disabledAt?: Date | null; passwordHash?: string; mustChangePassword?: boolean; sessionVersion?: { increment: number } } = {};
  const event = (action: string, payload: Record<string, unknown>) =>
    events.push({ actor: o.admin.username, action, resource, subsystem: "auth", payload: { username: target.username, ...payload }, result: "success" });

  if (roleChanges) {
    data.role = role;
    event("user.role_change", { from: target.role, to: role });
  }
  if (disabling) {
    data.disabledAt = new Date();
    event("user.disable", { tokens_revoked: await revokeUserTokens({ tx, userId: target.id }) });
  }
  if (enabling) {
    data.disabledAt = null;
    event("user.enable", {});
  }
  if (temporaryPasswordHash !== undefined) {
    data.passwordHash = temporaryPasswordHash;
    data.mustChangePassword = true;
    event("user.password_reset", { login_tokens_revoked: await revokeUserTokens({ tx, userId: target.id, kind: "login" }) });
  }
  if (events.length === 0) return tx.user.findUniqueOrThrow({ where: { id: target.id }, select: USER_FIELDS });
  if (roleChanges || disabling || temporaryPasswordHash !== undefined) data.sessionVersion = { increment: 1 };

  const updated = await tx.user.update({ where: { id: target.id }, data, select: USER_FIELDS });
  await usersChanged({ tx });
  await appendMany({ tx, events });
  return updated;
}
