import { db as defaultDb, type Db } from "../db/client";
import { NotFoundError } from "../errors";
import { recomputeEntry, signatureValid } from "./check-entry";
import { leafHashOf } from "./hash";
import { serializeEntry } from "./serialize";
import { signingKey } from "./signing-key";

/**
 * One entry with what a browser needs to check it itself: `canonical` is the exact RFC 8785
 * bytes (base64) that entry_hash and the leaf hash cover. `actor` set: only that actor's entry
 * (someone who is not an admin sees their own); anything else is not found.
 */
export async function getEntry(o: { sequence: number; actor?: string; db?: Db }) {
  const db = o.db ?? defaultDb;
  const row = await db.logEntry.findUnique({ where: { sequence: o.sequence } });
  if (!row || (o.actor !== undefined && row.actor !== o.actor)) throw new NotFoundError("Log entry");
  const { canonical, hashOk } = recomputeEntry(row);
  const leaf = leafHashOf(canonical);
  const key = signingKey();
  const signature_status = row.signature === "" ? "unsigned" : row.keyId !== key.keyId ? "unknown_key" : signatureValid(leaf, row.signature, key.publicKey) ? "valid" : "invalid";
  return {
    ...serializeEntry(row),
    signature: row.signature,
    key_id: row.keyId,
    signature_status,
    hash_valid: hashOk,
    canonical: Buffer.from(canonical, "utf8").toString("base64"),
    leaf_hash: leaf.toString("hex"),
  };
}
