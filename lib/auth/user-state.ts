// What a cookie-authenticated request needs to know about its user (session version, role,
// disabled, must change password), kept per process so a request costs no user query.
// Whoever changes one of these for any user bumps the "users" cache version in the same
// transaction (usersChanged); every process drops its copies when it sees the version move,
// within readCacheVersion's period (a second), and at once in the process that made the change.
import { db as defaultDb, type Db, type Tx } from "../db/client";
import { bumpCacheVersion, readCacheVersion } from "../db/cache-version";
import type { Role } from "./schemas";

export const USERS_CACHE = "users";
const MAX_ENTRIES = 10_000;

export type UserState = { id: number; username: string; role: Role; sessionVersion: number; disabled: boolean; mustChangePassword: boolean };

const cache = new Map<number, { state: UserState | null; version: number }>();

/**
 * The user's current state, or null when there is no such user. `maxAgeMs`: how old this
 * process's copy of the version may be (readCacheVersion's default, a second, unless given).
 */
export async function userState(id: number, o: { db?: Db; maxAgeMs?: number } = {}): Promise<UserState | null> {
  const db = o.db ?? defaultDb;
  // The version is read before the row: a change that commits in between is either in the
  // row already or moves the version past the one this copy is filed under.
  const version = await readCacheVersion(USERS_CACHE, { db, maxAgeMs: o.maxAgeMs });
  const known = cache.get(id);
  if (known && known.version === version) return known.state;
  const row = await db.user.findUnique({
    where: { id },
    select: { id: true, username: true, role: true, sessionVersion: true, disabledAt: true, mustChangePassword: true },
  });
  const state = row
    ? { id: row.id, username: row.username, role: row.role as Role, sessionVersion: row.sessionVersion, disabled: row.disabledAt !== null, mustChangePassword: row.mustChangePassword }
    : null;
  if (cache.size >= MAX_ENTRIES && !known) cache.delete(cache.keys().next().value!); // the oldest entry
  cache.set(id, { state, version });
  return state;
}

/** Call in the transaction that changes any user's session version, role, status or password flag. */
export async function usersChanged(o: { tx: Tx }): Promise<void> {
  const { tx } = o;
  await bumpCacheVersion({ tx, name: USERS_CACHE });
}
