import type { KeyObject } from "node:crypto";
import { db as defaultDb, type Db } from "../db/client";
import { recomputeEntry } from "./check-entry";
import { invalidSignatures, type SignedLeaf } from "./verify-signatures";
import { GENESIS_HASH, leafHashOf } from "./hash";
import { frontierOf, MemoryTree } from "./merkle";
import { raiseLogAlert } from "./raise-log-alert";
import { readEntries } from "./read-entries";
import { signingKey } from "./signing-key";
import { readNodes, writeNodes } from "./tree-nodes";
import { signMessage, treeHeadJson, treeHeadMessage, treeHeadValid, type TreeHeadJson } from "./tree-head-message";

export type PublishResult =
  | { published: true; head: TreeHeadJson }
  | { published: false; reason: string; head: TreeHeadJson | null; alert?: { sequence: number | null; reason: string } };

/**
 * Signs a tree head over the log as it stands, when it grew since the last head.
 *
 * A head vouches for every entry it covers, so before signing the publisher checks what is new
 * since the last head: each new entry's hash, its link to the one before, and its signature
 * (an unsigned entry is accepted only before the first signed one: signing began with the
 * release that added it). The tree is extended from the last head's frontier — checked against
 * that head's signed root — with the new entries' leaves, and the new complete subtrees are
 * stored for proofs. A forged entry stops the head short of it and raises a critical alert; so
 * does a stored tree that no longer matches the last signed head.
 *
 * Not audited: a head is itself a signed public record, and an audit entry per head would make
 * the log grow every interval for ever.
 */
export async function publishTreeHead(o: { db?: Db; now?: Date } = {}): Promise<PublishResult> {
  const db = o.db ?? defaultDb;
  const key = signingKey();
  const logHead = await db.logHead.findUnique({ where: { id: 1 } });
  const size = logHead?.sequence ?? 0;
  const last = await db.treeHead.findFirst({ orderBy: { treeSize: "desc" } });
  const lastJson = last ? treeHeadJson(last) : null;
  if (size === 0 || (last && last.treeSize >= size)) return { published: false, reason: "the log has not grown since the last head", head: lastJson };

  let tree: MemoryTree;
  let from = 0;
  if (last && lastJson) {
    if (last.keyId !== key.keyId || !treeHeadValid(lastJson, key.publicKey)) {
      return stop(db, lastJson, null, `tree head ${last.treeSize} is not signed by this log's key ${key.keyId}`);
    }
    const stored = await frontierTree(db, last.treeSize);
    if (!stored || stored.root().toString("hex") !== last.rootHash) {
      // The stored subtrees were changed or lost: rebuild them from the entries, which must still give the signed root.
      const rebuilt = await rebuild(db, last.treeSize, key.publicKey);
      if ("bad" in rebuilt) return stop(db, lastJson, rebuilt.bad.sequence, rebuilt.bad.reason);
      if (rebuilt.tree.root().toString("hex") !== last.rootHash) {
        return stop(db, lastJson, null, `the entries no longer hash to the root of signed tree head ${last.treeSize}: the log was rewritten`);
      }
      await writeNodes({ db, nodes: rebuilt.tree.added });
      tree = MemoryTree.fromFrontier(last.treeSize, frontierOf(last.treeSize).map((k) => rebuilt.tree.source(k.level, k.index)));
    } else {
      tree = stored;
    }
    from = last.treeSize;
  } else {
    tree = new MemoryTree();
  }

  const extended = await extend(db, tree, from, size, key.publicKey);
  if (tree.size === from) return stop(db, lastJson, extended.bad!.sequence, extended.bad!.reason);
  await writeNodes({ db, nodes: tree.added });
  const fields = { treeSize: tree.size, rootHash: tree.root().toString("hex"), timestamp: o.now ?? new Date(), keyId: key.keyId };
  const message = treeHeadMessage(fields);
  const signature = signMessage(message, key.privateKey);
  // Two workers may publish the same size at once: the first row stands, the second is ignored.
  await db.$executeRaw`INSERT INTO "TreeHead" ("treeSize", "rootHash", "timestamp", "signature", "keyId", "signedMessage", "createdAt")
    VALUES (${fields.treeSize}, ${fields.rootHash}, ${fields.timestamp}, ${signature}, ${fields.keyId}, ${message.toString("base64")}, ${new Date()})
    ON CONFLICT ("treeSize") DO NOTHING`;
  const stored = await db.treeHead.findUniqueOrThrow({ where: { treeSize: fields.treeSize } });
  if (extended.bad) await alert(db, extended.bad.sequence, extended.bad.reason);
  return { published: true, head: treeHeadJson(stored) };
}

async function stop(db: Db, head: TreeHeadJson | null, sequence: number | null, reason: string): Promise<PublishResult> {
  await alert(db, sequence, reason);
  return { published: false, reason, head, alert: { sequence, reason } };
}

async function alert(db: Db, sequence: number | null, reason: string) {
  await raiseLogAlert({ db, action: "log.tampered", resource: sequence === null ? "log" : `log:${sequence}`, details: reason });
}

/** The tree of the first `size` leaves from its stored frontier, or null when a node is missing. */
async function frontierTree(db: Db, size: number): Promise<MemoryTree | null> {
  const keys = frontierOf(size);
  const found = await readNodes({ db, keys });
  const hashes = keys.map((k) => found.get(`${k.level}:${k.index}`));
  return hashes.every(Boolean) ? MemoryTree.fromFrontier(size, hashes as Buffer[]) : null;
}

async function rebuild(db: Db, size: number, publicKey: KeyObject): Promise<{ bad: Bad } | { tree: MemoryTree }> {
  const tree = new MemoryTree();
  const result = await extend(db, tree, 0, size, publicKey);
  return result.bad ? { bad: result.bad } : { tree };
}

type Bad = { sequence: number; reason: string };

/**
 * Adds the leaves of entries from < sequence ≤ to to `tree`, checking each; stops before the
 * first bad one and says which.
 */
async function extend(db: Db, tree: MemoryTree, from: number, to: number, publicKey: KeyObject): Promise<{ bad?: Bad }> {
  let prevHash = GENESIS_HASH;
  let signedSeen = false;
  if (from > 0) {
    const before = await db.logEntry.findUnique({ where: { sequence: from }, select: { entryHash: true } });
    if (!before) return { bad: { sequence: from, reason: `entry ${from} is missing` } };
    prevHash = before.entryHash;
    signedSeen = (await db.logEntry.findFirst({ where: { sequence: { lte: from }, signature: { not: "" } }, select: { id: true } })) !== null;
  }
  let expected = from + 1;
  let bad: Bad | undefined;
  const leaves: Buffer[] = [];
  const signed: SignedLeaf[] = [];
  scan: for await (const rows of readEntries({ db, from, to })) {
    for (const row of rows) {
      const stop = (reason: string) => (bad = { sequence: expected, reason });
      if (row.sequence !== expected) {
        stop(`entry ${expected} is missing`);
        break scan;
      }
      if (row.prevHash !== prevHash) {
        stop("prev_hash does not match the previous entry");
        break scan;
      }
      const { canonical, hashOk } = recomputeEntry(row);
      if (!hashOk) {
        stop("entry_hash does not match the entry's content");
        break scan;
      }
      const leaf = leafHashOf(canonical);
      if (row.signature === "") {
        if (signedSeen) {
          stop("unsigned entry after signed ones: it was not written by Grace");
          break scan;
        }
      } else {
        signedSeen = true;
        signed.push({ sequence: row.sequence, leaf, signature: row.signature });
      }
      leaves.push(leaf);
      prevHash = row.entryHash;
      expected += 1;
    }
  }
  if (!bad && expected <= to) bad = { sequence: expected, reason: `entry ${expected} is missing` };
  // Signatures last, all at once (in parallel threads when there are many, as on a first head over an old log).
  const forged = (await invalidSignatures(signed, publicKey))[0];
  if (forged !== undefined && (!bad || forged < bad.sequence)) bad = { sequence: forged, reason: "the entry's signature is not valid under this log's key" };
  const good = bad ? bad.sequence - from - 1 : leaves.length;
  for (let i = 0; i < good; i++) tree.push(leaves[i]);
  return bad ? { bad } : {};
}
