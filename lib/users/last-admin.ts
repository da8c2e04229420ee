import type { Tx } from "../db/client";
import { ACTIVE_ADMINS, isActiveAdmin } from "../auth/access";
import { ConflictError } from "../errors";

/**
 * Refuses to remove, disable or demote the last active admin: nobody could manage users or
 * leave read-only mode afterwards. Runs inside writeTransaction, which serialises audited
 * writes, so two admins cannot demote each other at once.
 */
export async function assertNotLastAdmin(o: { tx: Tx; target: { id: number; role: string; disabledAt: Date | null }; change: "delete" | "disable" | "demote" }) {
  const { tx, target, change } = o;
  if (!isActiveAdmin(target)) return;
  const others = await tx.user.count({ where: { ...ACTIVE_ADMINS, id: { not: target.id } } });
  if (others === 0) {
    const verb = { delete: "deleted", disable: "disabled", demote: "made a user" }[change];
    throw new ConflictError(`This is the last active admin: it cannot be ${verb}. Make another account an admin first`);
  }
}
