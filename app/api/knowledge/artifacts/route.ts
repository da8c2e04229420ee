import { route } from "@/lib/api/route";
import { page } from "@/lib/api/pagination";
import { listArtifacts, listArtifactsQuery, serializeArtifact } from "@/lib/knowledge/list-artifacts";

export const GET = route({ query: listArtifactsQuery }, async ({ user, query }) => {
  const { items, next_cursor } = page(await listArtifacts({ userId: user.id, query }), query.limit, (a) => a.id);
  return { items: items.map(serializeArtifact), next_cursor };
});
