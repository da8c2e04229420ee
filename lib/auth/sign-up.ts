import { db as defaultDb, type Db } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { ForbiddenError } from "../errors";
import { config } from "../config";
import { issueLoginToken } from "../tokens/issue-login-token";
import { hashPassword, registerUser } from "./register-user";

/**
 * Self sign-up, when GRACE_OPEN_REGISTRATION is on: creates the user and their first login
 * token in one audited transaction. The slow hashing happens before it opens.
 */
export async function signUp(o: { username: string; password: string; ip: string; db?: Db }) {
  if (!config.openRegistration) throw new ForbiddenError("Registration is closed: ask an admin for an account");
  const passwordHash = await hashPassword(o.password);
  return writeTransaction(async (tx) => {
    const user = await registerUser({ tx, username: o.username, passwordHash });
    return issueLoginToken({ tx, user, ip: o.ip });
  }, o.db ?? defaultDb);
}
