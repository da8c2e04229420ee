import { z } from "zod";
import { route } from "@/lib/api/route";
import { page, paginationQuery } from "@/lib/api/pagination";
import { listEntries } from "@/lib/audit";
import { serializeEntry } from "@/lib/audit/serialize";
import { auditActorFilter } from "@/lib/auth/access";

const query = paginationQuery.extend({
  actor: z.string().max(64).optional(),
  subsystem: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
});

// Newest first. An admin sees every entry; anyone else only the entries they are the actor of.
export const GET = route({ query }, async ({ user, query }) => {
  const rows = await listEntries({ ...query, actor: auditActorFilter(user, query.actor), limit: query.limit, beforeSequence: query.cursor });
  const { items, next_cursor } = page(rows, query.limit, (e) => e.sequence);
  return { entries: items.map(serializeEntry), count: items.length, next_cursor };
});
