import { route } from "@/lib/api/route";
import { listAuditFacets } from "@/lib/audit/list-facets";
import { auditActorFilter } from "@/lib/auth/access";

// The values the audit filters offer: {subsystems, actors, actions}, each sorted. An admin gets
// the whole log's; anyone else the values of their own entries.
export const GET = route({}, async ({ user }) => listAuditFacets({ actor: auditActorFilter(user) }));
