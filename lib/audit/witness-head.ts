import { createPublicKey, type KeyObject } from "node:crypto";
import { db as defaultDb, type Db } from "../db/client";
import { ConflictError, invalid } from "../errors";
import { verifyConsistency } from "./merkle";
import { raiseLogAlert } from "./raise-log-alert";
import { keyIdOf, signingKey } from "./signing-key";
import { signMessage, treeHeadValid, witnessMessage, type TreeHeadJson } from "./tree-head-message";

export type WitnessRequest = {
  head: TreeHeadJson;
  /** The log's public key (SPKI PEM); its id must be the head's key_id. */
  public_key_pem: string;
  /** The size the proof starts from: the last head of this log this witness countersigned (0: none yet). */
  first: number;
  /** RFC 9162 consistency proof from `first` to head.tree_size, hex. */
  proof: string[];
};

/**
 * This Grace acting as a witness for another log: checks the head's signature and that it
 * extends the last head of that log it countersigned (a consistency proof), then countersigns
 * and keeps it. A log's first head is accepted as it is (trust on first use). A head that does
 * not extend the last one — a log rolled back or rewritten — is refused (409) and raises a
 * critical alert here; the log raises its own when it hears the refusal.
 */
export async function witnessHead(o: WitnessRequest & { db?: Db; submittedBy: string }) {
  const db = o.db ?? defaultDb;
  let logKey: KeyObject;
  try {
    logKey = createPublicKey(o.public_key_pem);
  } catch {
    throw invalid("public_key_pem", "is not a public key in PEM form");
  }
  if (logKey.asymmetricKeyType !== "ed25519") throw invalid("public_key_pem", "must be an Ed25519 key");
  if (keyIdOf(logKey) !== o.head.key_id) throw invalid("head.key_id", "is not the id of public_key_pem");
  if (!treeHeadValid(o.head, logKey)) throw invalid("head.signature", "is not a valid signature of this head under public_key_pem");

  const last = await db.witnessedHead.findFirst({ where: { logKeyId: o.head.key_id }, orderBy: { treeSize: "desc" } });
  const lastSize = last?.treeSize ?? 0;
  const refuse = async (reason: string) => {
    await raiseLogAlert({ db, action: "log.witness_refused", resource: `witnessed-log:${o.head.key_id}`, details: `${reason} (submitted by ${o.submittedBy})` });
    throw new ConflictError(`Refused: ${reason}`);
  };
  if (last && o.head.tree_size < lastSize) {
    await refuse(`head ${o.head.tree_size} is older than head ${lastSize} already countersigned for log ${o.head.key_id}: the log was rolled back`);
  }
  if (last && o.head.tree_size === lastSize) {
    if (last.rootHash !== o.head.root_hash) await refuse(`a second root for size ${lastSize} of log ${o.head.key_id}: the log forked`);
    return answer(last.countersignature);
  }
  if (o.first !== lastSize) throw invalid("first", `must be ${lastSize}: the last head of this log this witness countersigned`);
  if (last) {
    const ok = verifyConsistency({
      first: lastSize,
      second: o.head.tree_size,
      firstRoot: Buffer.from(last.rootHash, "hex"),
      secondRoot: Buffer.from(o.head.root_hash, "hex"),
      proof: o.proof.map((p) => Buffer.from(p, "hex")),
    });
    if (!ok) await refuse(`head ${o.head.tree_size} does not extend head ${lastSize} of log ${o.head.key_id}: the consistency proof fails, so the log was rewritten`);
  }
  const own = signingKey();
  const timestamp = new Date(o.head.timestamp);
  const countersignature = signMessage(witnessMessage({ treeSize: o.head.tree_size, rootHash: o.head.root_hash, timestamp, keyId: o.head.key_id }), own.privateKey);
  // The same head sent twice at once (two publishers): the first stored countersignature stands.
  await db.$executeRaw`INSERT INTO "WitnessedHead" ("logKeyId", "treeSize", "rootHash", "timestamp", "signature", "countersignature", "createdAt")
    VALUES (${o.head.key_id}, ${o.head.tree_size}, ${o.head.root_hash}, ${timestamp}, ${o.head.signature}, ${countersignature}, ${new Date()})
    ON CONFLICT ("logKeyId", "treeSize") DO NOTHING`;
  const stored = await db.witnessedHead.findUniqueOrThrow({ where: { logKeyId_treeSize: { logKeyId: o.head.key_id, treeSize: o.head.tree_size } } });
  if (stored.rootHash !== o.head.root_hash) await refuse(`a second root for size ${o.head.tree_size} of log ${o.head.key_id}: the log forked`);
  return answer(stored.countersignature);
}

function answer(countersignature: string) {
  const own = signingKey();
  return { key_id: own.keyId, countersignature, public_key_pem: own.publicKeyPem };
}
