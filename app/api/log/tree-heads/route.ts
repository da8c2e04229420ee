import { route } from "@/lib/api/route";
import { page, paginationQuery } from "@/lib/api/pagination";
import { listTreeHeads } from "@/lib/audit/list-tree-heads";

// Signed tree heads, newest first: {items: [{id, tree_size, root_hash, timestamp, key_id, signature, signed_message}], next_cursor}.
export const GET = route({ query: paginationQuery }, async ({ query }) => {
  const rows = await listTreeHeads({ limit: query.limit, beforeSize: query.cursor });
  return page(rows, query.limit, (h) => h.tree_size);
});
