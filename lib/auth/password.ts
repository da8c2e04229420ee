// Passwords are hashed with argon2id (OWASP's first choice), parameters in the hash.
import { hash, verify } from "@node-rs/argon2";

// Algorithm.Argon2id; the const enum cannot be imported under isolatedModules.
const ARGON2ID = 2;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash never matches
  }
}

// Verified against when the username does not exist, so the answer takes as long as for a
// real user and does not reveal which usernames exist.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  return (dummyHash ??= hashPassword("grace-timing-equaliser"));
}
