import { z } from "zod";
import { route } from "@/lib/api/route";
import { bareList } from "@/lib/api/bare-list";
import { encodeCursor, paginationQuery } from "@/lib/api/pagination";
import { auditActorFilter } from "@/lib/auth/access";
import { governanceAudit } from "@/lib/governance/verification";

const query = paginationQuery.extend({ actor: z.string().max(64).optional() });

// The earlier API's bare array of governance decisions, newest first; admins see everyone's.
export const GET = route({ query }, async ({ user, query }) => {
  const { items, next } = await governanceAudit({ actor: auditActorFilter(user, query.actor), limit: query.limit, beforeSequence: query.cursor });
  return bareList(items, next === null ? null : encodeCursor(next));
});
