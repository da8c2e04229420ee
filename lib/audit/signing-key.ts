// The audit log's Ed25519 key. The private half never touches the database: an attacker who
// can rewrite the database file still cannot sign an entry or a tree head. It is
// GRACE_SIGNING_KEY (PKCS#8, PEM or base64 DER), else a PEM file outside the database
// (GRACE_SIGNING_KEY_FILE, by default <data dir>/log-signing-key.pem) created on first use.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { closeSync, constants, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";
import { config } from "../config";

export type SigningKey = {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The first 16 hex digits of SHA-256 of the raw 32-byte public key. */
  keyId: string;
  publicKeyPem: string;
  /** Where the key came from, for the start-up line: "GRACE_SIGNING_KEY" or the file's path. */
  source: string;
  /** The file was created by this call. */
  created: boolean;
};

// One per settings source: tests switch GRACE_SIGNING_KEY between cases.
const cache = new Map<string, SigningKey>();

/** The key, loaded (or created) once per process: signing is on the hot path of every audited write. */
export function signingKey(): SigningKey {
  const fromEnv = config.auditLog.signingKey;
  const cacheKey = fromEnv ? `env:${fromEnv}` : `file:${config.auditLog.signingKeyFile}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  const key = fromEnv ? fromText(fromEnv, "GRACE_SIGNING_KEY", false) : fromFile(config.auditLog.signingKeyFile);
  cache.set(cacheKey, key);
  return key;
}

/** A public key as the API hands it out, with its id. */
export function describePublicKey(publicKey: KeyObject) {
  return { keyId: keyIdOf(publicKey), publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString() };
}

export function keyIdOf(publicKey: KeyObject): string {
  return createHash("sha256").update(rawPublicKey(publicKey)).digest("hex").slice(0, 16);
}

/** The 32 raw bytes of an Ed25519 public key (the end of its SPKI DER). */
export function rawPublicKey(publicKey: KeyObject): Buffer {
  const der = publicKey.export({ type: "spki", format: "der" });
  return der.subarray(der.length - 32);
}

function fromText(text: string, source: string, created: boolean): SigningKey {
  const trimmed = text.trim();
  let privateKey: KeyObject;
  try {
    privateKey = trimmed.startsWith("-----")
      ? createPrivateKey(trimmed)
      : createPrivateKey({ key: Buffer.from(trimmed, "base64"), format: "der", type: "pkcs8" });
  } catch {
    throw new Error(`${source} is not a PKCS#8 private key (PEM, or base64 DER)`);
  }
  if (privateKey.asymmetricKeyType !== "ed25519") throw new Error(`${source} must be an Ed25519 key, not ${privateKey.asymmetricKeyType}`);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, ...describePublicKey(publicKey), source, created };
}

function fromFile(file: string): SigningKey {
  try {
    return fromText(readFileSync(file, "utf8"), file, false);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const pem = generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  // Written whole to a private temporary file (O_EXCL, 0600), then linked into place: link fails
  // with EEXIST when another process (the web and worker start together) got there first, and
  // the loser reads the winner's complete key, never a half-written one.
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  try {
    writeSync(fd, pem);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return fromText(readFileSync(file, "utf8"), file, false);
  } finally {
    unlinkSync(temp);
  }
  return fromText(pem, file, true);
}
