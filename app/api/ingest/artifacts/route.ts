import { route } from "@/lib/api/route";
import { bareList } from "@/lib/api/bare-list";
import { page } from "@/lib/api/pagination";
import { listArtifacts, listArtifactsQuery, serializeArtifact } from "@/lib/knowledge/list-artifacts";

// The earlier API's list: a bare array (next cursor in X-Next-Cursor).
export const GET = route({ query: listArtifactsQuery }, async ({ user, query }) => {
  const { items, next_cursor } = page(await listArtifacts({ userId: user.id, query }), query.limit, (a) => a.id);
  return bareList(items.map(serializeArtifact), next_cursor);
});
