import { db as defaultDb, type Db } from "../db/client";
import { readableArtifacts } from "../auth/access";

const MAX = 5000;

/** The domain → type → artifact tree of what the user may read, for a browser view. */
export async function getKnowledgeTree(o: { user: { id: number }; domain?: string; category?: string; db?: Db }) {
  const db = o.db ?? defaultDb;
  const rows = await db.knowledgeArtifact.findMany({
    where: { ...readableArtifacts(o.user), ...(o.domain ? { domain: o.domain } : {}), ...(o.category ? { artifactType: o.category } : {}) },
    orderBy: { path: "asc" },
    take: MAX,
    select: { id: true, title: true, path: true, domain: true, artifactType: true, trustScore: true },
  });
  const tree: Record<string, Record<string, { id: number; title: string; path: string; trust_score: number }[]>> = {};
  for (const a of rows) ((tree[a.domain] ??= {})[a.artifactType] ??= []).push({ id: a.id, title: a.title, path: a.path, trust_score: a.trustScore });
  return { tree, flat_list: rows.map((a) => ({ id: a.id, title: a.title, path: a.path, domain: a.domain, type: a.artifactType })), truncated: rows.length === MAX };
}
