// The RFC 6962 / RFC 9162 Merkle tree over the log's entries (leaf i = entry i + 1):
//   leaf  = SHA-256(0x00 ‖ entry's RFC 8785 bytes)     (lib/audit/hash.ts)
//   node  = SHA-256(0x01 ‖ left ‖ right)
//   MTH(D[n]) splits at k, the largest power of two below n (RFC 9162 §2.1.1).
// Everything is computed from complete ("perfect") subtrees, named (level, index) for the
// leaves [index·2^level, (index+1)·2^level): the only nodes that never change as the log grows,
// so they can be stored once (LogTreeNode) and proofs read O(log n) of them.
import { hash } from "node:crypto";

export type NodeKey = { level: number; index: number };
/** The hash of a complete subtree. */
export type NodeSource = (level: number, index: number) => Buffer;

const NODE_PREFIX = Buffer.from([1]);

export function nodeHash(left: Buffer, right: Buffer): Buffer {
  // One-shot: about half the cost of a createHash object, and the verifier hashes ~2n nodes.
  return hash("sha256", Buffer.concat([NODE_PREFIX, left, right], 65), "buffer");
}

/** The largest power of two strictly below n (n ≥ 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D[a:b]) from complete subtrees: a range that is one is read, any other is split. */
export function rangeHash(source: NodeSource, a: number, b: number): Buffer {
  const size = b - a;
  if ((size & (size - 1)) === 0 && a % size === 0) return source(Math.log2(size), a / size);
  const k = splitPoint(size);
  return nodeHash(rangeHash(source, a, a + k), rangeHash(source, a + k, b));
}

export function rootHash(source: NodeSource, n: number): Buffer {
  if (n < 1) throw new Error("the tree is empty");
  return rangeHash(source, 0, n);
}

/** PATH(m, D[a:b]) of RFC 9162 §2.1.3.1: the audit path of leaf m, from the leaf up. */
export function inclusionPath(source: NodeSource, m: number, n: number): Buffer[] {
  if (m < 0 || m >= n) throw new Error(`leaf ${m} is not in a tree of ${n}`);
  const path: Buffer[] = [];
  const walk = (m: number, a: number, b: number) => {
    if (b - a <= 1) return;
    const k = splitPoint(b - a);
    if (m < k) {
      walk(m, a, a + k);
      path.push(rangeHash(source, a + k, b));
    } else {
      walk(m - k, a + k, b);
      path.push(rangeHash(source, a, a + k));
    }
  };
  walk(m, 0, n);
  return path;
}

/** PROOF(m, D[n]) of RFC 9162 §2.1.4.1: that the first m leaves are the start of the n. */
export function consistencyProof(source: NodeSource, m: number, n: number): Buffer[] {
  if (m < 1 || m > n) throw new Error(`no consistency proof from ${m} to ${n}`);
  const proof: Buffer[] = [];
  const sub = (m: number, a: number, b: number, complete: boolean) => {
    const n = b - a;
    if (m === n) {
      if (!complete) proof.push(rangeHash(source, a, b));
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      sub(m, a, a + k, complete);
      proof.push(rangeHash(source, a + k, b));
    } else {
      sub(m - k, a + k, b, false);
      proof.push(rangeHash(source, a, a + k));
    }
  };
  sub(m, 0, n, true);
  return proof;
}

/**
 * The complete subtrees a computation reads, found by running it once with a recording
 * source (the shape of a proof depends only on the sizes, never on the hashes), so a caller
 * can fetch them all in one query before running it for real.
 */
export function nodesRead<T>(compute: (source: NodeSource) => T): NodeKey[] {
  const seen = new Map<string, NodeKey>();
  const zero = Buffer.alloc(32);
  compute((level, index) => {
    seen.set(`${level}:${index}`, { level, index });
    return zero;
  });
  return [...seen.values()];
}

/** RFC 9162 §2.1.3.2. */
export function verifyInclusion(o: { leafIndex: number; treeSize: number; leafHash: Buffer; path: Buffer[]; root: Buffer }): boolean {
  if (o.leafIndex < 0 || o.leafIndex >= o.treeSize) return false;
  let fn = o.leafIndex;
  let sn = o.treeSize - 1;
  let r = o.leafHash;
  for (const p of o.path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(o.root);
}

/** RFC 9162 §2.1.4.2; equal sizes need an empty proof and equal roots. */
export function verifyConsistency(o: { first: number; second: number; firstRoot: Buffer; secondRoot: Buffer; proof: Buffer[] }): boolean {
  if (o.first < 1 || o.first > o.second) return false;
  if (o.first === o.second) return o.proof.length === 0 && o.firstRoot.equals(o.secondRoot);
  if (o.proof.length === 0) return false;
  const path = (o.first & (o.first - 1)) === 0 ? [o.firstRoot, ...o.proof] : o.proof;
  let fn = o.first - 1;
  let sn = o.second - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return fr.equals(o.firstRoot) && sr.equals(o.secondRoot) && sn === 0;
}

/**
 * A tree held in memory, grown one leaf at a time: each leaf completes the subtrees it closes
 * (n − 1 node hashes for n leaves in all). The verifier rebuilds the log's tree with it; the
 * publisher extends the stored one with it.
 */
export class MemoryTree {
  /** levels[l][i]: complete subtree (l, i); only the ones this tree computed (and keeps) or was given. */
  readonly levels: Buffer[][] = [[]];
  /** Complete subtrees added, for writing them out. */
  readonly added: (NodeKey & { hash: Buffer })[] = [];
  /** The newest complete subtree at each level: for set bits of `size`, exactly its frontier. */
  private readonly newest: Buffer[] = [];
  size = 0;

  /**
   * `keep`: keep only these nodes ("level:index") besides the frontier. A verifier rebuilding a
   * large log keeps the few a proof will need instead of all 2n (which costs more in garbage
   * collection than the hashing does).
   */
  constructor(private readonly keep?: Set<string>) {}

  /**
   * Starts from a tree of `size` leaves given by its frontier: the complete subtrees
   * covering [0, size), largest first (as `frontierOf` lists them).
   */
  static fromFrontier(size: number, hashes: Buffer[]): MemoryTree {
    const tree = new MemoryTree();
    const keys = frontierOf(size);
    if (keys.length !== hashes.length) throw new Error("the frontier does not match the size");
    keys.forEach((k, i) => {
      tree.set(k.level, k.index, hashes[i]);
      tree.newest[k.level] = hashes[i];
    });
    tree.size = size;
    return tree;
  }

  push(leaf: Buffer, record = true) {
    let index = this.size;
    this.set(0, index, leaf, record);
    let hash = leaf;
    let level = 0;
    while (index % 2 === 1) {
      const left = this.newest[level];
      this.newest[level] = hash;
      hash = nodeHash(left, hash);
      index = (index - 1) / 2;
      level += 1;
      this.set(level, index, hash, record);
    }
    this.newest[level] = hash;
    this.size += 1;
  }

  readonly source: NodeSource = (level, index) => {
    const hash = this.levels[level]?.[index];
    if (!hash) throw new Error(`node (${level}, ${index}) is not in this tree`);
    return hash;
  };

  root(n = this.size): Buffer {
    return n === this.size ? this.currentRoot() : rootHash(this.source, n);
  }

  /** The root of the tree as it is now, from its frontier alone. */
  private currentRoot(): Buffer {
    if (this.size === 0) throw new Error("the tree is empty");
    let root: Buffer | null = null;
    for (let level = 0; 2 ** level <= this.size; level++) {
      if (Math.floor(this.size / 2 ** level) % 2 === 1) root = root ? nodeHash(this.newest[level], root) : this.newest[level];
    }
    return root!;
  }

  private set(level: number, index: number, hash: Buffer, record = false) {
    if (record) this.added.push({ level, index, hash });
    if (this.keep && !this.keep.has(`${level}:${index}`)) return;
    (this.levels[level] ??= [])[index] = hash;
  }
}

/** The complete subtrees that cover [0, size), largest (leftmost) first. */
export function frontierOf(size: number): NodeKey[] {
  const out: NodeKey[] = [];
  let start = 0;
  for (let level = 31; level >= 0; level--) {
    const width = 2 ** level;
    if (size - start >= width) {
      out.push({ level, index: start / width });
      start += width;
    }
  }
  return out;
}
