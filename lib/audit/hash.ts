// How a log entry is hashed, stated once so any verifier can repeat it:
//   entry_hash = hex(SHA-256(JCS({sequence, timestamp, actor, action, resource,
//                                subsystem, payload, result, prev_hash})))
// JCS is RFC 8785; timestamp is ISO 8601 UTC with milliseconds; payload is the JSON value
// stored in the entry; prev_hash is the previous entry's hash (64 zeros for the first).
import { createHash } from "node:crypto";
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

export function entryHash(e: HashedFields): string {
  const encoded = canonicalJson({
    sequence: e.sequence,
    timestamp: e.timestamp.toISOString(),
    actor: e.actor,
    action: e.action,
    resource: e.resource,
    subsystem: e.subsystem,
    payload: e.payload,
    result: e.result,
    prev_hash: e.prevHash,
  });
  return createHash("sha256").update(encoded).digest("hex");
}
