import type { Tx } from "../db/client";
import { registerUser } from "../auth/register-user";
import type { Role } from "../auth/schemas";

/**
 * An admin creates an account. The password they chose is temporary: the new user is asked
 * for their own at first sign-in. Audited (`user.register`, the admin as actor) by registerUser.
 */
export async function createUser(o: { tx: Tx; admin: { username: string }; username: string; passwordHash: string; role: Role }) {
  const { tx } = o;
  return registerUser({ tx, username: o.username, passwordHash: o.passwordHash, role: o.role, actor: o.admin.username, mustChangePassword: true });
}
