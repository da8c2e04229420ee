// Encrypts the model's API key for the database: AES-256-GCM (node:crypto) under a key derived
// with HKDF-SHA-256 from Grace's secret (NEXTAUTH_SECRET, or the one generated into the data
// directory: lib/auth/secret.ts). A stolen database alone does not give the key away; a
// changed or tampered ciphertext, or another secret, fails to open instead of giving garbage.
// Stored as "v1.<iv>.<tag>.<ciphertext>" (base64url), so a later format can be told apart.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";
const SALT = "grace-secret-box";
// The purpose is bound twice: in the derived key and as associated data, so a ciphertext made
// for one purpose does not open as another.
const INFO = "grace model api key v1";
const AAD = Buffer.from("grace:model-api-key");

/** The box could not be opened: tampered, truncated, or sealed under another secret. */
export class SecretBoxError extends Error {
  constructor(message = "the stored value cannot be decrypted (changed, or encrypted under another secret)") {
    super(message);
    this.name = "SecretBoxError";
  }
}

function keyFrom(secret: string): Buffer {
  if (!secret) throw new Error("no secret to derive the encryption key from");
  return Buffer.from(hkdfSync("sha256", secret, SALT, INFO, 32));
}

export function seal(o: { plaintext: string; secret: string }): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(o.secret), iv);
  cipher.setAAD(AAD);
  const body = Buffer.concat([cipher.update(o.plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export function open(o: { sealed: string; secret: string }): string {
  const parts = o.sealed.split(".");
  if (parts.length !== 4 || parts[0] !== VERSION) throw new SecretBoxError("the stored value is not in a format Grace knows");
  const [iv, tag, body] = parts.slice(1).map((p) => Buffer.from(p, "base64url"));
  if (iv.length !== 12 || tag.length !== 16) throw new SecretBoxError();
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFrom(o.secret), iv, { authTagLength: 16 });
    decipher.setAAD(AAD);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretBoxError();
  }
}

/** What may be shown of a key: "sk-…a1b2" (its prefix and last four), or "••••" for a short one. */
export function maskKey(key: string): string {
  if (key.length < 12) return "••••";
  const prefix = /^[A-Za-z]{2,5}[-_]/.exec(key)?.[0] ?? "";
  return `${prefix}…${key.slice(-4)}`;
}

/**
 * `text` with the key, and anything shaped like an API key, cut down to its mask: some servers
 * echo part of a refused key in their error message ("Incorrect API key provided: sk-ab***yz").
 */
export function redactKeys(text: string, key?: string): string {
  const out = key && key.length >= 4 ? text.split(key).join(maskKey(key)) : text;
  return out.replace(/\b([A-Za-z]{2,5})[-_][\w*.-]{8,}/g, (m, prefix: string) => (/\d|\*/.test(m) ? `${prefix}-…` : m));
}
