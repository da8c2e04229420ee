import type { Tx } from "../db/client";
import { append } from "../audit";
import { ConflictError, invalid } from "../errors";
import { isReservedUsername } from "../audit/actors";
import { hashPassword } from "./password";
import type { Role } from "./schemas";

export type RegisterUserOptions = {
  username: string;
  /** Hash it with hashPassword before opening the transaction: hashing is slow. */
  passwordHash: string;
  role?: Role;
  /** Who created the account: the new user (self sign-up), an admin, or "system". */
  actor?: string;
  /** The password is temporary (an admin chose it): the user must choose their own at sign-in. */
  mustChangePassword?: boolean;
};

export { hashPassword };

/**
 * Creates a user inside the caller's audited transaction; 409 if the name is taken, now or
 * ever: a name that is an actor in the audit log (a deleted user's) stays theirs, or the
 * newcomer would see the old entries as their own. System actors' names are reserved (422).
 */
export async function registerUser(o: { tx: Tx } & RegisterUserOptions) {
  const { tx } = o;
  const username = o.username.trim().toLowerCase();
  if (isReservedUsername(username)) throw invalid("username", "is reserved");
  if (await tx.user.findUnique({ where: { username }, select: { id: true } })) {
    throw new ConflictError(`username "${username}" is already taken`);
  }
  if (await tx.logEntry.findFirst({ where: { actor: username }, select: { id: true } })) {
    throw new ConflictError(`username "${username}" belonged to an account that was deleted; its audit entries keep the name`);
  }
  const mustChangePassword = o.mustChangePassword ?? false;
  const user = await tx.user.create({ data: { username, passwordHash: o.passwordHash, role: o.role ?? "user", mustChangePassword } });
  await append({
    tx,
    actor: o.actor ?? username,
    action: "user.register",
    resource: `user:${user.id}`,
    subsystem: "auth",
    payload: { username, role: user.role, ...(mustChangePassword ? { temporary_password: true } : {}) },
    result: "success",
  });
  return user;
}
