// What a signed tree head is, byte for byte. The message signed is text, so anyone can read
// and rebuild it (in the spirit of Certificate Transparency's checkpoints):
//   "grace-log/v1\n<key_id>\n<tree_size>\n<root_hash hex>\n<timestamp ISO 8601 UTC, ms>\n"
// A witness's countersignature is Ed25519, under the witness's key, over
//   "grace-witness/v1\n" followed by the same message.
import { sign, verify, type KeyObject } from "node:crypto";

export type TreeHeadFields = { treeSize: number; rootHash: string; timestamp: Date; keyId: string };

export function treeHeadMessage(h: TreeHeadFields): Buffer {
  return Buffer.from(`grace-log/v1\n${h.keyId}\n${h.treeSize}\n${h.rootHash}\n${h.timestamp.toISOString()}\n`, "utf8");
}

export function witnessMessage(h: TreeHeadFields): Buffer {
  return Buffer.concat([Buffer.from("grace-witness/v1\n", "utf8"), treeHeadMessage(h)]);
}

export function signMessage(message: Buffer, privateKey: KeyObject): string {
  return sign(null, message, privateKey).toString("base64");
}

export function messageSignatureValid(message: Buffer, signature: string, publicKey: KeyObject): boolean {
  const bytes = Buffer.from(signature, "base64");
  if (bytes.length !== 64) return false;
  try {
    return verify(null, message, publicKey, bytes);
  } catch {
    return false;
  }
}

/** A head as the API and the head files (audit:verify --save-head) carry it. */
export type TreeHeadJson = { tree_size: number; root_hash: string; timestamp: string; key_id: string; signature: string; signed_message: string };

export function treeHeadJson(h: TreeHeadFields & { signature: string }): TreeHeadJson {
  return {
    tree_size: h.treeSize,
    root_hash: h.rootHash,
    timestamp: h.timestamp.toISOString(),
    key_id: h.keyId,
    signature: h.signature,
    signed_message: treeHeadMessage(h).toString("base64"),
  };
}

/** Whether a head's signature is valid under `publicKey` and its signed_message says what its fields say. */
export function treeHeadValid(h: TreeHeadJson, publicKey: KeyObject): boolean {
  const fields = { treeSize: h.tree_size, rootHash: h.root_hash, timestamp: new Date(h.timestamp), keyId: h.key_id };
  if (Number.isNaN(fields.timestamp.getTime())) return false;
  const message = treeHeadMessage(fields);
  if (h.signed_message !== undefined && Buffer.from(h.signed_message, "base64").compare(message) !== 0) return false;
  return messageSignatureValid(message, h.signature, publicKey);
}
