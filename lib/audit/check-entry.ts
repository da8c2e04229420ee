import { verify, type KeyObject } from "node:crypto";
import { canonicalEntryText, canonicalJson, leafHashOf, sha256Hex } from "./hash";
import type { StoredEntry } from "./read-entries";

/** The entry's canonical bytes and whether its stored entry_hash matches them. */
export function recomputeEntry(row: StoredEntry): { canonical: string; hashOk: boolean; payloadOk: boolean } {
  // Fast path: the payload is stored in canonical form, so the bytes are built from it as is.
  const fast = canonicalEntryText({ ...row, payloadText: row.payload });
  if (sha256Hex(fast) === row.entryHash) return { canonical: fast, hashOk: true, payloadOk: true };
  // Otherwise re-encode the payload (text stored in another form still hashes as its value).
  let payloadText: string;
  try {
    payloadText = canonicalJson(JSON.parse(row.payload));
  } catch {
    return { canonical: fast, hashOk: false, payloadOk: false };
  }
  const slow = canonicalEntryText({ ...row, payloadText });
  return { canonical: slow, hashOk: sha256Hex(slow) === row.entryHash, payloadOk: true };
}

/** Ed25519 over the leaf hash (lib/audit/hash.ts). */
export function signatureValid(leafHash: Buffer, signature: string, publicKey: KeyObject): boolean {
  const bytes = Buffer.from(signature, "base64");
  if (bytes.length !== 64) return false;
  try {
    return verify(null, leafHash, publicKey, bytes);
  } catch {
    return false;
  }
}

export { leafHashOf };
