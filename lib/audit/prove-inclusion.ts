import { db as defaultDb, type Db } from "../db/client";
import { invalid } from "../errors";
import { inclusionPath, rootHash } from "./merkle";
import { withStoredNodes } from "./tree-nodes";

/**
 * The RFC 9162 inclusion proof of entry `sequence` (leaf sequence − 1) in the tree of the
 * first `treeSize` entries, from stored subtrees: O(log n) rows in one query. Trees up to the
 * latest signed head's size are stored; `treeSize` defaults to it.
 */
export async function proveInclusion(o: { sequence: number; treeSize?: number; db?: Db }) {
  const db = o.db ?? defaultDb;
  const stored = await storedTreeSize({ db });
  if (stored === 0) throw invalid("tree_size", "no tree head has been published yet: the worker publishes one within a minute of the log growing");
  const treeSize = o.treeSize ?? stored;
  if (treeSize > stored) throw invalid("tree_size", `must be at most ${stored}, the size of the latest signed tree head`);
  if (o.sequence > treeSize) throw invalid("sequence", `must be at most tree_size (${treeSize})`);
  const m = o.sequence - 1;
  const { leaf, path, root } = await withStoredNodes({
    db,
    compute: (source) => ({
    leaf: source(0, m),
    path: inclusionPath(source, m, treeSize),
    root: rootHash(source, treeSize),
    }),
  });
  return { sequence: o.sequence, tree_size: treeSize, leaf_hash: hex(leaf), audit_path: path.map(hex), root_hash: hex(root) };
}

/** How many leaves the stored tree has: the latest signed head's size. */
export async function storedTreeSize(o: { db: Db }): Promise<number> {
  const { db } = o;
  return (await db.treeHead.findFirst({ orderBy: { treeSize: "desc" }, select: { treeSize: true } }))?.treeSize ?? 0;
}

const hex = (b: Buffer) => b.toString("hex");
