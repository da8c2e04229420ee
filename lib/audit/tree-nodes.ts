// The stored complete subtrees of the log's Merkle tree (LogTreeNode). They are written by
// the tree-head publisher (lib/audit/publish-tree-head.ts) — not at append time — for the
// entries up to the head it signs, after checking those entries: the append on every audited
// write stays three statements, and the tree is derived data that a head then vouches for.
// Every head's proofs therefore read only stored nodes.
import { Prisma, type Db, type Tx } from "../db/client";
import { nodesRead, type NodeKey, type NodeSource } from "./merkle";

/** Reads the nodes a computation needs (one query), then runs it. Throws when one is missing. */
export async function withStoredNodes<T>(o: { db: Db | Tx; compute: (source: NodeSource) => T }): Promise<T> {
  const { db, compute } = o;
  const keys = nodesRead(compute);
  const found = await readNodes({ db, keys });
  return compute((level, index) => {
    const hash = found.get(`${level}:${index}`);
    if (!hash) throw new Error(`the log's tree has no node (${level}, ${index}): publish a tree head first`);
    return hash;
  });
}

export async function readNodes(o: { db: Db | Tx; keys: NodeKey[] }): Promise<Map<string, Buffer>> {
  const { db, keys } = o;
  const out = new Map<string, Buffer>();
  for (let i = 0; i < keys.length; i += 200) {
    const slice = keys.slice(i, i + 200);
    if (slice.length === 0) break;
    const where = Prisma.join(slice.map((k) => Prisma.sql`("level" = ${k.level} AND "index" = ${k.index})`), " OR ");
    const rows = await db.$queryRaw<{ level: number | bigint; index: number | bigint; hash: string }[]>`SELECT "level", "index", "hash" FROM "LogTreeNode" WHERE ${where}`;
    for (const r of rows) out.set(`${Number(r.level)}:${Number(r.index)}`, Buffer.from(r.hash, "hex"));
  }
  return out;
}

/** Writes nodes, replacing any stored under the same (level, index): the publisher's checked computation wins. */
export async function writeNodes(o: { db: Db | Tx; nodes: (NodeKey & { hash: Buffer })[] }) {
  const { db, nodes } = o;
  for (let i = 0; i < nodes.length; i += 300) {
    const values = nodes.slice(i, i + 300).map((n) => Prisma.sql`(${n.level}, ${n.index}, ${n.hash.toString("hex")})`);
    await db.$executeRaw`INSERT INTO "LogTreeNode" ("level", "index", "hash") VALUES ${Prisma.join(values)} ON CONFLICT ("level", "index") DO UPDATE SET "hash" = excluded."hash"`;
  }
}
