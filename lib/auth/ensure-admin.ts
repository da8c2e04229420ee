import { randomBytes } from "node:crypto";
import { db as defaultDb, type Db } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { hashPassword, registerUser } from "./register-user";
import { SYSTEM_ACTOR } from "../audit/actors";

/**
 * On a database without users, creates `admin` with GRACE_ADMIN_PASSWORD or a generated
 * password, which is returned so the launcher can print it once. Returns null otherwise.
 */
export async function ensureAdmin(o: { password?: string; db?: Db } = {}) {
  const db = o.db ?? defaultDb;
  if (await db.user.count()) return null;
  const generated = !o.password;
  const password = o.password || randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(password);
  const user = await writeTransaction(async (tx) => {
    if (await tx.user.count()) return null; // another process won the race
    return registerUser({ tx, username: "admin", passwordHash, role: "admin", actor: SYSTEM_ACTOR });
  }, db);
  return user ? { username: user.username, password: generated ? password : null } : null;
}
