// lib/audit/merkle.ts against verifiers written here, independently, from RFC 9162:
// §2.1.1 (the tree), §2.1.3.2 (verifying an inclusion proof), §2.1.4.2 (verifying a
// consistency proof). Nothing below imports the verifiers or the root computation under test.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { consistencyProof, inclusionPath, MemoryTree, nodesRead, verifyConsistency, verifyInclusion, frontierOf } from "../../lib/audit/merkle";

const sha = (...parts: Buffer[]) => {
  const h = createHash("sha256");
  for (const p of parts) h.update(p);
  return h.digest();
};
const leafOf = (i: number) => sha(Buffer.from([0]), Buffer.from(`entry ${i}`));
const HASH = (left: Buffer, right: Buffer) => sha(Buffer.from([1]), left, right);

/** MTH(D[n]) straight from §2.1.1, over the leaf hashes. */
function mth(leaves: Buffer[]): Buffer {
  if (leaves.length === 1) return leaves[0];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return HASH(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

/** §2.1.3.2, step by step. */
function rfcVerifyInclusion(leafIndex: number, treeSize: number, leafHash: Buffer, path: Buffer[], root: Buffer): boolean {
  if (leafIndex >= treeSize) return false;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of path) {
    if (sn === 0) return false;
    if ((fn & 1) === 1 || fn === sn) {
      r = HASH(p, r);
      if ((fn & 1) === 0) {
        while (!((fn & 1) === 1 || fn === 0)) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      r = HASH(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && r.equals(root);
}

/** §2.1.4.2, step by step. */
function rfcVerifyConsistency(first: number, second: number, firstHash: Buffer, secondHash: Buffer, consistencyPath: Buffer[]): boolean {
  if (consistencyPath.length === 0) return false;
  let path = consistencyPath;
  if ((first & (first - 1)) === 0) path = [firstHash, ...path];
  let fn = first - 1;
  let sn = second - 1;
  if ((fn & 1) === 1) {
    while ((fn & 1) === 1) {
      fn >>= 1;
      sn >>= 1;
    }
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if ((fn & 1) === 1 || fn === sn) {
      fr = HASH(c, fr);
      sr = HASH(c, sr);
      if ((fn & 1) === 0) {
        while (!((fn & 1) === 1 || fn === 0)) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      sr = HASH(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return fr.equals(firstHash) && sr.equals(secondHash) && sn === 0;
}

function treeOf(n: number) {
  const tree = new MemoryTree();
  const leaves: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    leaves.push(leafOf(i));
    tree.push(leaves[i]);
  }
  return { tree, leaves };
}

describe("the RFC 6962 tree", () => {
  const { tree, leaves } = treeOf(70);

  it("has the root of §2.1.1 at every size from 1 to 70", () => {
    for (let n = 1; n <= 70; n++) expect(tree.root(n).equals(mth(leaves.slice(0, n))), `size ${n}`).toBe(true);
  });

  it("gives inclusion proofs the RFC verifier accepts, for every leaf of every size 1..70", () => {
    let checked = 0;
    for (let n = 1; n <= 70; n++) {
      const root = mth(leaves.slice(0, n));
      for (let m = 0; m < n; m++) {
        const path = inclusionPath(tree.source, m, n);
        expect(rfcVerifyInclusion(m, n, leaves[m], path, root), `leaf ${m} of ${n}`).toBe(true);
        expect(verifyInclusion({ leafIndex: m, treeSize: n, leafHash: leaves[m], path, root })).toBe(true);
        // The wrong leaf, the wrong index or a changed path fail.
        expect(rfcVerifyInclusion(m, n, leaves[(m + 1) % n], path, root) && n > 1).toBe(false);
        if (path.length) {
          const bent = path.map((p, i) => (i === path.length - 1 ? HASH(p, p) : p));
          expect(rfcVerifyInclusion(m, n, leaves[m], bent, root)).toBe(false);
          expect(verifyInclusion({ leafIndex: m, treeSize: n, leafHash: leaves[m], path: bent, root })).toBe(false);
        }
        checked += 1;
      }
    }
    expect(checked).toBe((70 * 71) / 2);
  });

  it("gives consistency proofs the RFC verifier accepts, for every pair m < n ≤ 70", () => {
    let checked = 0;
    for (let n = 2; n <= 70; n++) {
      const second = mth(leaves.slice(0, n));
      for (let m = 1; m < n; m++) {
        const first = mth(leaves.slice(0, m));
        const proof = consistencyProof(tree.source, m, n);
        expect(rfcVerifyConsistency(m, n, first, second, proof), `${m} → ${n}`).toBe(true);
        expect(verifyConsistency({ first: m, second: n, firstRoot: first, secondRoot: second, proof })).toBe(true);
        // A different history (leaf 0 changed) is not consistent with this one.
        const other = mth([leafOf(-1), ...leaves.slice(1, m)]);
        expect(rfcVerifyConsistency(m, n, other, second, proof)).toBe(false);
        expect(verifyConsistency({ first: m, second: n, firstRoot: other, secondRoot: second, proof })).toBe(false);
        checked += 1;
      }
      expect(consistencyProof(tree.source, n, n)).toEqual([]);
      expect(verifyConsistency({ first: n, second: n, firstRoot: second, secondRoot: second, proof: [] })).toBe(true);
    }
    expect(checked).toBe((69 * 70) / 2);
  });

  it("reads O(log n) stored subtrees per proof on a large tree", { timeout: 60_000 }, () => {
    const big = treeOf(20_003);
    const n = big.tree.size;
    const root = mth(big.leaves);
    expect(big.tree.root().equals(root)).toBe(true);
    for (const m of [0, 1, 8191, 8192, 19_999, n - 1]) {
      const path = inclusionPath(big.tree.source, m, n);
      expect(rfcVerifyInclusion(m, n, big.leaves[m], path, root)).toBe(true);
      expect(nodesRead((s) => inclusionPath(s, m, n)).length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(n)));
    }
    for (const m of [1, 2, 3, 1000, 16_384, 17_777, n - 1]) {
      const proof = consistencyProof(big.tree.source, m, n);
      expect(rfcVerifyConsistency(m, n, mth(big.leaves.slice(0, m)), root, proof)).toBe(true);
      expect(nodesRead((s) => consistencyProof(s, m, n)).length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(n)) + 2);
    }
  });

  it("continues a tree from its frontier", () => {
    for (const m of [1, 5, 8, 37, 64]) {
      const start = MemoryTree.fromFrontier(m, frontierOf(m).map((k) => tree.source(k.level, k.index)));
      for (let i = m; i < 70; i++) start.push(leaves[i]);
      expect(start.root().equals(mth(leaves)), `from ${m}`).toBe(true);
    }
  });

  it("keeps only the nodes asked for, and still knows its root and those proofs", () => {
    const n = 70;
    const keep = new Set(nodesRead((source) => consistencyProof(source, 37, n)).map((k) => `${k.level}:${k.index}`));
    const lean = new MemoryTree(keep);
    for (let i = 0; i < n; i++) lean.push(leaves[i], false);
    expect(lean.root().equals(mth(leaves))).toBe(true);
    const proof = consistencyProof(lean.source, 37, n);
    expect(rfcVerifyConsistency(37, n, mth(leaves.slice(0, 37)), mth(leaves), proof)).toBe(true);
    expect(lean.levels.flat().filter(Boolean).length).toBe(keep.size);
  });
});
