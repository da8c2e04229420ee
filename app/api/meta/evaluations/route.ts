import { z } from "zod";
import { route } from "@/lib/api/route";
import { bareList } from "@/lib/api/bare-list";
import { paginationQuery } from "@/lib/api/pagination";
import { listMetaEvaluations } from "@/lib/loops/list-evaluations";

// The earlier API's default page was 20.
const query = paginationQuery.extend({ limit: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100").default(20) });

// What the meta loop's interval changes did, measured (a bare array; the next page's cursor in X-Next-Cursor).
export const GET = route({ query }, async ({ query }) => {
  const { items, next_cursor } = await listMetaEvaluations({ limit: query.limit, cursor: query.cursor });
  return bareList(items, next_cursor);
});
