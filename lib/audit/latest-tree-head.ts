import { db as defaultDb, type Db } from "../db/client";
import { treeHeadJson, type TreeHeadJson } from "./tree-head-message";

/** The newest signed tree head, or null before the first is published. */
export async function latestTreeHead(o: { db?: Db } = {}): Promise<(TreeHeadJson & { id: number }) | null> {
  const db = o.db ?? defaultDb;
  const head = await db.treeHead.findFirst({ orderBy: { treeSize: "desc" } });
  return head ? { id: head.id, ...treeHeadJson(head) } : null;
}
