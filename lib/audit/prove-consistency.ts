import { db as defaultDb, type Db } from "../db/client";
import { invalid } from "../errors";
import { consistencyProof, rootHash } from "./merkle";
import { storedTreeSize } from "./prove-inclusion";
import { withStoredNodes } from "./tree-nodes";

/** The RFC 9162 consistency proof that the tree of `first` entries is the start of the tree of `second`. */
export async function proveConsistency(o: { first: number; second?: number; db?: Db }) {
  const db = o.db ?? defaultDb;
  const stored = await storedTreeSize({ db });
  if (stored === 0) throw invalid("second", "no tree head has been published yet: the worker publishes one within a minute of the log growing");
  const second = o.second ?? stored;
  if (second > stored) throw invalid("second", `must be at most ${stored}, the size of the latest signed tree head`);
  if (o.first > second) throw invalid("first", `must be at most second (${second})`);
  const { proof, firstRoot, secondRoot } = await withStoredNodes({
    db,
    compute: (source) => ({
    proof: consistencyProof(source, o.first, second),
    firstRoot: rootHash(source, o.first),
    secondRoot: rootHash(source, second),
    }),
  });
  return { first: o.first, second, proof: proof.map(hex), first_root: hex(firstRoot), second_root: hex(secondRoot) };
}

const hex = (b: Buffer) => b.toString("hex");
