import type { Tx } from "../db/client";
import { append } from "../audit";
import { ConflictError } from "../errors";
import { hashPassword } from "./password";
import type { Role } from "./schemas";

export type RegisterUserOptions = {
  username: string;
  /** Hash it with hashPassword before opening the transaction: hashing is slow. */
  passwordHash: string;
  role?: Role;
  /** Who created the account: the new user (self sign-up), an admin, or "system". */
  actor?: string;
};

export { hashPassword };

/** Creates a user inside the caller's audited transaction; 409 if the name is taken. */
export async function registerUser(tx: Tx, o: RegisterUserOptions) {
  const username = o.username.trim().toLowerCase();
  if (await tx.user.findUnique({ where: { username }, select: { id: true } })) {
    throw new ConflictError(`username "${username}" is already taken`);
  }
  const user = await tx.user.create({ data: { username, passwordHash: o.passwordHash, role: o.role ?? "user" } });
  await append(tx, {
    actor: o.actor ?? username,
    action: "user.register",
    resource: `user:${user.id}`,
    subsystem: "auth",
    payload: { username, role: user.role },
    result: "success",
  });
  return user;
}
