import { db as defaultDb, type Db } from "../db/client";
import { readableArtifacts } from "../auth/access";

/** The earlier API's `{domains: {<domain>: {count, categories}}}` over what the user may read. */
export async function listDomains(o: { user: { id: number }; db?: Db }) {
  const db = o.db ?? defaultDb;
  const groups = await db.knowledgeArtifact.groupBy({ by: ["domain", "category"], where: readableArtifacts(o.user), _count: { _all: true }, orderBy: [{ domain: "asc" }, { category: "asc" }] });
  const domains: Record<string, { count: number; categories: string[] }> = {};
  for (const g of groups) {
    const d = (domains[g.domain] ??= { count: 0, categories: [] });
    d.count += g._count._all;
    d.categories.push(g.category);
  }
  return { domains };
}
