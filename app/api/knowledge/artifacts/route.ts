import { route } from "@/lib/api/route";
import { page } from "@/lib/api/pagination";
import { db } from "@/lib/db/client";
import { listArtifacts, listArtifactsQuery, serializeArtifact } from "@/lib/knowledge/list-artifacts";

export const GET = route({ query: listArtifactsQuery }, async ({ user, query }) => {
  const { items, next_cursor } = page(await listArtifacts(db, { userId: user.id, query }), query.limit, (a) => a.id);
  return { items: items.map(serializeArtifact), next_cursor };
});
