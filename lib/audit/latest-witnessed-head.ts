import { db as defaultDb, type Db } from "../db/client";
import { signingKey } from "./signing-key";
import { treeHeadJson } from "./tree-head-message";

/**
 * The last head of log `logKeyId` this Grace countersigned as its witness, with the
 * countersignature and this witness's public key; null when it has seen none.
 */
export async function latestWitnessedHead(o: { logKeyId: string; db?: Db }) {
  const db = o.db ?? defaultDb;
  const h = await db.witnessedHead.findFirst({ where: { logKeyId: o.logKeyId }, orderBy: { treeSize: "desc" } });
  if (!h) return null;
  const own = signingKey();
  return {
    head: treeHeadJson({ treeSize: h.treeSize, rootHash: h.rootHash, timestamp: h.timestamp, keyId: h.logKeyId, signature: h.signature }),
    countersignature: h.countersignature,
    witness: { key_id: own.keyId, public_key_pem: own.publicKeyPem },
  };
}
