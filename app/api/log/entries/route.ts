import { z } from "zod";
import { route } from "@/lib/api/route";
import { page, paginationQuery } from "@/lib/api/pagination";
import { listEntries } from "@/lib/audit";
import { serializeEntry } from "@/lib/audit/serialize";
import { auditActorFilter } from "@/lib/auth/access";

const name = z.string().trim().max(64, "must be at most 64 characters").optional();
const time = z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time" }).or(z.iso.date({ message: "must be an ISO 8601 date or date-time" })).optional();

const query = paginationQuery
  .extend({
    actor: name,
    subsystem: name,
    action: name,
    /** Entries at or after this time (a date alone: its start, UTC) … */
    from: time,
    /** … and at or before this one (a date alone: its end, UTC). */
    to: time,
    /** "false" leaves out routine entries: the worker's job completions. */
    routine: z.enum(["true", "false"], { message: 'must be "true" or "false"' }).optional(),
  })
  .refine((q) => !q.from || !q.to || start(q.from) <= end(q.to), { message: "must not be before from", path: ["to"] });

function start(t: string): Date {
  return new Date(t.length === 10 ? `${t}T00:00:00.000Z` : t);
}
function end(t: string): Date {
  return new Date(t.length === 10 ? `${t}T23:59:59.999Z` : t);
}

// Newest first. An admin sees every entry; anyone else only the entries they are the actor of.
// The filters' values come from GET /api/log/facets.
export const GET = route({ query }, async ({ user, query }) => {
  const rows = await listEntries({
    limit: query.limit,
    beforeSequence: query.cursor,
    actor: auditActorFilter(user, query.actor || undefined),
    subsystem: query.subsystem || undefined,
    action: query.action || undefined,
    from: query.from ? start(query.from) : undefined,
    to: query.to ? end(query.to) : undefined,
    routine: query.routine === "false" ? false : undefined,
  });
  const { items, next_cursor } = page(rows, query.limit, (e) => e.sequence);
  return { entries: items.map(serializeEntry), count: items.length, next_cursor };
});
