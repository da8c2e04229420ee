import { z } from "zod";
import { route } from "@/lib/api/route";
import { bareList } from "@/lib/api/bare-list";
import { paginationQuery } from "@/lib/api/pagination";
import { listHistory } from "@/lib/memory/list-history";

const query = paginationQuery.extend({ offset: z.coerce.number().int().min(0).max(1_000_000).default(0) });

// The caller's messages, oldest first (the earlier API's limit/offset, plus a cursor).
export const GET = route({ query }, async ({ user, query }) => {
  const { items, next_cursor } = await listHistory({ user, limit: query.limit, offset: query.offset, cursor: query.cursor });
  return bareList(items, next_cursor);
});
