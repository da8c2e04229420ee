import type { KeyObject } from "node:crypto";
import type { Db } from "../db/client";
import { recomputeEntry } from "./check-entry";
import { GENESIS_HASH, leafHashOf } from "./hash";
import { consistencyProof, MemoryTree, nodesRead, verifyConsistency } from "./merkle";
import { readEntries } from "./read-entries";
import { signingKey } from "./signing-key";
import { treeHeadJson, treeHeadValid, type TreeHeadJson } from "./tree-head-message";
import { invalidSignatures, type SignedLeaf } from "./verify-signatures";

export type Failure = { sequence: number | null; reason: string };
/** A head from outside the database: a saved head file, or what a witness countersigned. */
export type ExternalHead = { source: string; head: TreeHeadJson };

export type AuditReport = {
  valid: boolean;
  /** The first failure found, by sequence where there is one. */
  first_bad_sequence: number | null;
  reason: string | null;
  entries: number;
  chain: { valid: boolean; checked: number; failure: Failure | null };
  signatures: {
    valid: boolean;
    /** Entries whose signature was checked here. */
    verified: number;
    /** Entries vouched for by a valid signed head whose root they still hash to (the publisher checked their signatures). */
    covered_by_heads: number;
    /** Unsigned entries from before signing began. */
    unsigned_before_signing: number;
    failure: Failure | null;
  };
  tree: { size: number; root_hash: string | null };
  heads: { checked: number; valid: boolean; failure: (Failure & { tree_size: number }) | null };
  external: { source: string; tree_size: number; valid: boolean; reason: string | null }[];
};

/**
 * Everything the log's proofs allow checking, from the database alone plus any heads kept
 * elsewhere: the hash chain, every entry's signature, the Merkle tree rebuilt from the
 * entries, every stored signed tree head, and that the log extends each external head.
 *
 * Signatures: an entry is signed by the process that appended it. Entries covered by a signed
 * head whose root they still hash to were checked by the publisher before it signed
 * (lib/audit/publish-tree-head.ts), so by default only the entries after the newest such head
 * are verified here; `allSignatures` verifies every one (in parallel threads). Either way an
 * unsigned entry after a signed one is a forgery.
 */
export async function verifyAuditLog(o: { db: Db; publicKey?: KeyObject; keyId?: string; allSignatures?: boolean; external?: ExternalHead[] }): Promise<AuditReport> {
  const { db } = o;
  const key = o.publicKey ? { publicKey: o.publicKey, keyId: o.keyId ?? "" } : signingKey();
  const logHead = await db.logHead.findUnique({ where: { id: 1 } });
  const end = logHead?.sequence ?? 0;

  const heads = await db.treeHead.findMany({ orderBy: { treeSize: "asc" } });
  const headSizes = new Set(heads.map((h) => h.treeSize));
  const maxHeadSize = heads.length ? heads[heads.length - 1].treeSize : 0;
  // Signatures are kept for checking only past the newest head (all of them when asked); the
  // rest are vouched for by the heads, or looked at again below if a head fails.
  const keepSignaturesAfter = o.allSignatures ? 0 : maxHeadSize;

  const scan = async (keep: Set<string>) => {
    const tree = new MemoryTree(keep);
    const rootsAt = new Map<number, string>();
    const signed: SignedLeaf[] = [];
    let chainFailure: Failure | null = logHead ? null : { sequence: null, reason: "the log head row is missing" };
    let signatureFailure: Failure | null = null;
    let unsigned = 0;
    let signedCount = 0;
    let signedSeen = false;
    let prevHash = GENESIS_HASH;
    let expected = 1;
    // Rows past a break still go into the tree (by their stored order), so the heads can say more.
    for await (const rows of readEntries({ db, from: 0, to: Math.max(end, 0) })) {
      for (const row of rows) {
        if (!chainFailure) {
          if (row.sequence !== expected) chainFailure = { sequence: expected, reason: `entry ${expected} is missing` };
          else if (row.prevHash !== prevHash) chainFailure = { sequence: row.sequence, reason: "prev_hash does not match the previous entry" };
        }
        const { canonical, hashOk, payloadOk } = recomputeEntry(row);
        if (!chainFailure && !hashOk) chainFailure = { sequence: row.sequence, reason: payloadOk ? "entry_hash does not match the entry's content" : "payload is not valid JSON" };
        const leaf = leafHashOf(canonical);
        if (row.signature === "") {
          if (signedSeen) signatureFailure ??= { sequence: row.sequence, reason: "unsigned entry after signed ones: it was not written by Grace" };
          else unsigned += 1;
        } else {
          signedSeen = true;
          signedCount += 1;
          if (key.keyId && row.keyId !== key.keyId) signatureFailure ??= { sequence: row.sequence, reason: `signed with key ${row.keyId || "(none)"}, not this log's key ${key.keyId}` };
          if (row.sequence > keepSignaturesAfter) signed.push({ sequence: row.sequence, leaf, signature: row.signature });
        }
        tree.push(leaf, false);
        if (headSizes.has(tree.size)) rootsAt.set(tree.size, tree.root().toString("hex"));
        prevHash = row.entryHash;
        expected = row.sequence + 1;
      }
    }
    if (!chainFailure && tree.size < end) chainFailure = { sequence: tree.size + 1, reason: `entry ${tree.size + 1} is missing` };
    if (!chainFailure && logHead && end > 0 && logHead.lastHash !== prevHash) chainFailure = { sequence: end, reason: "the log head does not match the last entry" };
    return { tree, rootsAt, signed, chainFailure, signatureFailure, unsigned, signedCount };
  };

  // The nodes the consistency proofs from external heads will read: kept, the others dropped.
  const wanted = (size: number) =>
    new Set(
      (o.external ?? [])
        .filter((e) => e.head.tree_size >= 1 && e.head.tree_size < size)
        .flatMap((e) => nodesRead((source) => consistencyProof(source, e.head.tree_size, size)))
        .map((k) => `${k.level}:${k.index}`),
    );
  let result = await scan(wanted(end));
  // Rows missing or extra: the proofs need the nodes of the size actually found (read once more).
  if (result.tree.size !== end && result.tree.size > 0 && o.external?.length) result = await scan(wanted(result.tree.size));
  const { tree, rootsAt, signed, chainFailure, unsigned, signedCount } = result;
  let signatureFailure = result.signatureFailure;

  // Stored heads, oldest first: each must be validly signed and match the tree rebuilt from the entries.
  let headFailure: AuditReport["heads"]["failure"] = null;
  let coveredUpTo = 0;
  for (const h of heads) {
    const json = treeHeadJson(h);
    const problem =
      (key.keyId && h.keyId !== key.keyId) || !treeHeadValid(json, key.publicKey)
        ? "its signature is not valid under this log's key"
        : h.signedMessage && h.signedMessage !== json.signed_message
          ? "its stored signed_message differs from its fields"
          : h.treeSize > tree.size
            ? `it covers ${h.treeSize} entries but the log has ${tree.size}: entries were removed`
            : rootsAt.get(h.treeSize) !== h.rootHash
              ? "the entries no longer hash to its root: entries it covers were changed"
              : null;
    if (problem) {
      headFailure ??= { sequence: null, tree_size: h.treeSize, reason: `tree head ${h.treeSize}: ${problem}` };
    } else if (!headFailure) {
      coveredUpTo = h.treeSize;
    }
  }

  // Signatures: the entries no good head vouches for (all of them when asked).
  const toVerify = o.allSignatures ? signed : signed.filter((s) => s.sequence > coveredUpTo);
  const beforeHeads = coveredUpTo < keepSignaturesAfter ? await signedLeaves(db, coveredUpTo, keepSignaturesAfter) : [];
  const bad = await invalidSignatures([...beforeHeads, ...toVerify], key.publicKey);
  if (bad.length && (!signatureFailure || bad[0] < (signatureFailure.sequence ?? Infinity))) {
    signatureFailure = { sequence: bad[0], reason: "the entry's signature is not valid under this log's key" };
  }
  // A head that no longer matches names the forged entry it covers, found by its signature.
  if (headFailure) headFailure.sequence = bad.find((b) => b <= headFailure!.tree_size) ?? null;
  const verified = beforeHeads.length + toVerify.length;

  const external = (o.external ?? []).map((e) => checkExternal(e, tree, key));

  const failures = [chainFailure, signatureFailure, headFailure, ...external.filter((e) => !e.valid).map((e) => ({ sequence: null, reason: `${e.source}: ${e.reason}` }))].filter(
    (f): f is Failure => f !== null,
  );
  const first = failures.filter((f) => f.sequence !== null).sort((a, b) => a.sequence! - b.sequence!)[0] ?? failures[0] ?? null;
  return {
    valid: failures.length === 0,
    first_bad_sequence: first?.sequence ?? null,
    reason: first?.reason ?? null,
    entries: tree.size,
    chain: { valid: !chainFailure, checked: chainFailure?.sequence ? chainFailure.sequence - 1 : tree.size, failure: chainFailure },
    signatures: {
      valid: !signatureFailure,
      verified,
      covered_by_heads: signedCount - verified,
      unsigned_before_signing: unsigned,
      failure: signatureFailure,
    },
    tree: { size: tree.size, root_hash: tree.size ? tree.root().toString("hex") : null },
    heads: { checked: heads.length, valid: !headFailure, failure: headFailure },
    external,
  };
}

/** That the log, as rebuilt, extends a head kept outside the database: an RFC 9162 consistency proof from it to now. */
function checkExternal(e: ExternalHead, tree: MemoryTree, key: { publicKey: KeyObject; keyId: string }) {
  const h = e.head;
  const out = (reason: string | null) => ({ source: e.source, tree_size: h.tree_size, valid: reason === null, reason });
  if (!Number.isInteger(h.tree_size) || h.tree_size < 1 || typeof h.root_hash !== "string" || typeof h.signature !== "string") return out("it is not a tree head (tree_size, root_hash, signature)");
  if (key.keyId && h.key_id !== key.keyId) return out(`it is signed by key ${h.key_id}, not this log's key ${key.keyId}`);
  if (!treeHeadValid(h, key.publicKey)) return out("its signature is not valid under this log's key");
  if (h.tree_size > tree.size) return out(`it covers ${h.tree_size} entries but the log now has ${tree.size}: entries were removed`);
  const proof = consistencyProof(tree.source, h.tree_size, tree.size);
  const ok = verifyConsistency({ first: h.tree_size, second: tree.size, firstRoot: Buffer.from(h.root_hash, "hex"), secondRoot: tree.root(), proof });
  return out(ok ? null : `the consistency proof from its tree (size ${h.tree_size}, root ${h.root_hash.slice(0, 16)}…) to the log now (size ${tree.size}) fails: the entries it covers were changed`);
}

/** The signed entries from < sequence ≤ to with their leaf hashes, read again (a head failed: which entry did it?). */
async function signedLeaves(db: Db, from: number, to: number): Promise<SignedLeaf[]> {
  const out: SignedLeaf[] = [];
  for await (const rows of readEntries({ db, from, to })) {
    for (const row of rows) if (row.signature) out.push({ sequence: row.sequence, leaf: leafHashOf(recomputeEntry(row).canonical), signature: row.signature });
  }
  return out;
}
