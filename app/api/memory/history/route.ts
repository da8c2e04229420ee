import { z } from "zod";
import { route } from "@/lib/api/route";
import { bareList } from "@/lib/api/bare-list";
import { paginationQuery } from "@/lib/api/pagination";
import { listHistory, MAX_HISTORY_OFFSET } from "@/lib/memory/list-history";

const query = paginationQuery.extend({
  offset: z.coerce
    .number()
    .int("must be a whole number")
    .min(0, "must be at least 0")
    .max(MAX_HISTORY_OFFSET, `must be at most ${MAX_HISTORY_OFFSET} (page deeper with the cursor)`)
    .default(0),
});

// The caller's messages, oldest first (the earlier API's limit/offset, plus a cursor).
export const GET = route({ query }, async ({ user, query }) => {
  const { items, next_cursor } = await listHistory({ user, limit: query.limit, offset: query.offset, cursor: query.cursor });
  return bareList(items, next_cursor);
});
