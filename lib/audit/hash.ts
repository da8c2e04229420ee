// How a log entry is hashed and signed, stated once so any verifier can repeat it:
//   bytes      = JCS({sequence, timestamp, actor, action, resource, subsystem, payload, result,
//                     prev_hash})   (UTF-8)
//   entry_hash = hex(SHA-256(bytes))                      the hash chain
//   leaf_hash  = SHA-256(0x00 ‖ bytes)                    the entry's RFC 6962 / RFC 9162 leaf
//   signature  = base64(Ed25519(private key, leaf_hash))  the 32 raw leaf-hash bytes are the
//                message signed (lib/audit/signing-key.ts; key_id names the key)
// JCS is RFC 8785; timestamp is ISO 8601 UTC with milliseconds; payload is the JSON value
// stored in the entry; prev_hash is the previous entry's hash (64 zeros for the first).
// Merkle nodes: SHA-256(0x01 ‖ left ‖ right) (lib/audit/merkle.ts).
import { createHash, hash as oneShotHash } from "node:crypto";
import canonicalize from "canonicalize";

export const GENESIS_HASH = "0".repeat(64);

export type HashedFields = {
  sequence: number;
  timestamp: Date;
  actor: string;
  action: string;
  resource: string;
  subsystem: string;
  payload: unknown;
  result: string;
  prevHash: string;
};

export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error("value cannot be encoded as JSON");
  return text;
}

/**
 * The RFC 8785 text of an entry, given its payload already in canonical form (as stored).
 * Built by hand because this runs for every entry of every verification: the members in JCS
 * order (sorted by UTF-16 code units), strings as JSON.stringify writes them (which is what
 * RFC 8785 §3.2.2.2 prescribes), the sequence an integer. tests/unit/audit-hash.test.ts checks
 * it against the canonicalize package.
 */
export function canonicalEntryText(e: Omit<HashedFields, "payload" | "timestamp"> & { timestamp: Date | string; payloadText: string }): string {
  const timestamp = typeof e.timestamp === "string" ? e.timestamp : e.timestamp.toISOString();
  return (
    `{"action":${JSON.stringify(e.action)},"actor":${JSON.stringify(e.actor)},"payload":${e.payloadText},` +
    `"prev_hash":${JSON.stringify(e.prevHash)},"resource":${JSON.stringify(e.resource)},"result":${JSON.stringify(e.result)},` +
    `"sequence":${e.sequence},"subsystem":${JSON.stringify(e.subsystem)},"timestamp":${JSON.stringify(timestamp)}}`
  );
}

/** The canonical text of an entry whose payload is a value (re-encoded with JCS). */
export function canonicalEntry(e: HashedFields): string {
  return canonicalEntryText({ ...e, payloadText: canonicalJson(e.payload) });
}

export function entryHash(e: HashedFields): string {
  return sha256Hex(canonicalEntry(e));
}

export function sha256Hex(text: string): string {
  return oneShotHash("sha256", text, "hex");
}

const LEAF_PREFIX = Buffer.from([0]);

/** RFC 6962 leaf hash of an entry's canonical text. */
export function leafHashOf(canonical: string): Buffer {
  return createHash("sha256").update(LEAF_PREFIX).update(canonical).digest();
}
