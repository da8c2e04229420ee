// Checks an audit entry's inclusion proof in the browser, trusting nothing the server computed:
// the leaf hash is recomputed from the entry's RFC 8785 bytes, the audit path is walked up to
// the root (RFC 9162 §2.1.3.2), the root compared with the signed tree head's, and the head's
// Ed25519 signature checked with the log's public key. Web Crypto where the page is a secure
// context; plain http on a LAN address has none, so @noble/hashes and @noble/curves there.
import { sha256 } from "@noble/hashes/sha2.js";
import { ed25519 } from "@noble/curves/ed25519.js";

export type EntryProofInput = {
  entry: { sequence: number; canonical: string; signature: string; key_id: string };
  proof: { sequence: number; tree_size: number; leaf_hash: string; audit_path: string[]; root_hash: string };
  head: { id?: number; tree_size: number; root_hash: string; timestamp: string; key_id: string; signature: string; signed_message: string };
  publicKey: { key_id: string; public_key_pem: string };
};

export type ProofOutcome = {
  ok: boolean;
  /** What was checked, or the first check that failed, in words. */
  message: string;
  entrySignature: "valid" | "invalid" | "unsigned";
  engine: "Web Crypto" | "noble";
};

const webCryptoAvailable = () => typeof window !== "undefined" && window.isSecureContext && Boolean(globalThis.crypto?.subtle);

async function digest(bytes: Uint8Array): Promise<Uint8Array> {
  if (webCryptoAvailable()) return new Uint8Array(await crypto.subtle.digest("SHA-256", bytes as BufferSource));
  return sha256(bytes);
}

async function ed25519Verify(rawKey: Uint8Array, signature: Uint8Array, message: Uint8Array): Promise<boolean> {
  if (webCryptoAvailable()) {
    try {
      const key = await crypto.subtle.importKey("raw", rawKey as BufferSource, { name: "Ed25519" }, false, ["verify"]);
      return await crypto.subtle.verify({ name: "Ed25519" }, key, signature as BufferSource, message as BufferSource);
    } catch {
      // A browser without Ed25519 in Web Crypto: fall through to noble.
    }
  }
  try {
    return ed25519.verify(signature, message, rawKey);
  } catch {
    return false;
  }
}

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
export const fromHex = (hex: string) => new Uint8Array((hex.match(/../g) ?? []).map((b) => parseInt(b, 16)));
export const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);
const nodeHash = (left: Uint8Array, right: Uint8Array) => digest(concat(Uint8Array.of(1), left, right));

/** The 32 raw bytes of an Ed25519 SPKI PEM (the last 32 of its DER). */
function rawKeyFromPem(pem: string): Uint8Array {
  const der = fromBase64(pem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, ""));
  return der.slice(der.length - 32);
}

/** RFC 9162 §2.1.3.2: the root the audit path leads to, or null when the path does not fit the tree. */
async function rootFromPath(leafIndex: number, treeSize: number, leaf: Uint8Array, path: Uint8Array[]): Promise<Uint8Array | null> {
  if (leafIndex >= treeSize) return null;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}

export async function checkEntryProof(input: EntryProofInput): Promise<ProofOutcome> {
  const engine = webCryptoAvailable() ? "Web Crypto" : "noble";
  const { entry, proof, head, publicKey } = input;
  const rawKey = rawKeyFromPem(publicKey.public_key_pem);
  const keyId = toHex(await digest(rawKey)).slice(0, 16);
  const fail = (message: string, entrySignature: ProofOutcome["entrySignature"] = "unsigned"): ProofOutcome => ({ ok: false, message, entrySignature, engine });
  if (keyId !== publicKey.key_id) return fail(`The public key's id is ${keyId}, not ${publicKey.key_id}`);

  const leaf = await digest(concat(Uint8Array.of(0), fromBase64(entry.canonical)));
  let entrySignature: ProofOutcome["entrySignature"] = "unsigned";
  if (entry.signature) entrySignature = (await ed25519Verify(rawKey, fromBase64(entry.signature), leaf)) ? "valid" : "invalid";
  if (toHex(leaf) !== proof.leaf_hash) return fail(`The entry's bytes hash to leaf ${toHex(leaf).slice(0, 16)}…, but the proof is for leaf ${proof.leaf_hash.slice(0, 16)}…`, entrySignature);
  if (proof.tree_size !== head.tree_size) return fail(`The proof is for a tree of ${proof.tree_size} entries, the signed head covers ${head.tree_size}`, entrySignature);

  const root = await rootFromPath(entry.sequence - 1, proof.tree_size, leaf, proof.audit_path.map(fromHex));
  if (!root) return fail(`The audit path (${proof.audit_path.length} hashes) does not fit leaf ${entry.sequence - 1} of a tree of ${proof.tree_size}`, entrySignature);
  if (!sameBytes(root, fromHex(head.root_hash))) {
    return fail(`The audit path leads to root ${toHex(root).slice(0, 16)}…, but signed tree head #${head.tree_size} has root ${head.root_hash.slice(0, 16)}…`, entrySignature);
  }

  const expected = new TextEncoder().encode(`grace-log/v1\n${head.key_id}\n${head.tree_size}\n${head.root_hash}\n${head.timestamp}\n`);
  const signed = fromBase64(head.signed_message);
  if (!sameBytes(signed, expected)) return fail("The tree head's signed message does not say what its fields say", entrySignature);
  if (head.key_id !== publicKey.key_id) return fail(`The tree head is signed by key ${head.key_id}, not this log's key ${publicKey.key_id}`, entrySignature);
  if (!(await ed25519Verify(rawKey, fromBase64(head.signature), signed))) return fail("The tree head's Ed25519 signature is not valid under the log's public key", entrySignature);

  return { ok: true, message: `Proof verified against signed tree head #${head.tree_size}`, entrySignature, engine };
}
