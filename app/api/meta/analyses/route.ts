import { route } from "@/lib/api/route";
import { bareList } from "@/lib/api/bare-list";
import { paginationQuery } from "@/lib/api/pagination";
import { listMetaAnalyses } from "@/lib/loops/list-analyses";

export const GET = route({ query: paginationQuery }, async ({ query }) => {
  const { items, next_cursor } = await listMetaAnalyses({ limit: query.limit, cursor: query.cursor });
  return bareList(items, next_cursor);
});
