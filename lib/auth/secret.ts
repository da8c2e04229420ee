// The secret that signs and encrypts session cookies: NEXTAUTH_SECRET (or AUTH_SECRET), else
// one generated into the data dir on first start and kept there.
import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDir } from "../db/config";
import { config } from "../config";

let cached: string | undefined;

export function authSecret(): string {
  if (cached) return cached;
  const fromEnv = config.authSecret;
  if (fromEnv) return (cached = fromEnv);
  const file = path.join(dataDir(), "auth-secret");
  try {
    return (cached = readFileSync(file, "utf8").trim());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  // Written whole to a temporary file, then linked into place: a process that loses the race
  // reads the winner's complete secret, never a half-written one.
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, randomBytes(32).toString("base64url"), { mode: 0o600 });
  try {
    linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    unlinkSync(temp);
  }
  return (cached = readFileSync(file, "utf8").trim());
}
