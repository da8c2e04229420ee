import type { Tx } from "../db/client";
import { createToken } from "./create-token";

/**
 * A personal token the user asked for, optionally expiring after some days. A token made
 * while authenticated with a token never outlives that token: a leaked 30-day login token
 * cannot mint a permanent one.
 */
export async function createPersonalToken(o: { tx: Tx; user: { id: number; username: string }; name: string; expiresInDays?: number | null; callerTokenExpiresAt?: Date | null }) {
  const { tx } = o;
  return createToken({ tx, user: o.user, name: o.name, expiresAt: personalTokenExpiry(o) });
}

/** When a personal token asked for now expires (null: never), capped by the caller's own token. */
export function personalTokenExpiry(o: { expiresInDays?: number | null; callerTokenExpiresAt?: Date | null }): Date | null {
  let expiresAt = o.expiresInDays ? new Date(Date.now() + o.expiresInDays * 86_400_000) : null;
  if (o.callerTokenExpiresAt && (!expiresAt || expiresAt > o.callerTokenExpiresAt)) expiresAt = o.callerTokenExpiresAt;
  return expiresAt;
}
