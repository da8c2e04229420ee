import { z } from "zod";
import { route } from "@/lib/api/route";
import { auditActorFilter } from "@/lib/auth/access";
import { verificationStats } from "@/lib/governance/verification";

const query = z.object({ hours_back: z.coerce.number().min(0, "must be at least 0").max(24 * 3650, "must be at most 87600").default(24) });

// Counts over the audit log in the window; a non-admin's cover their own entries.
export const GET = route({ query }, async ({ user, query }) => verificationStats({ actor: auditActorFilter(user), hoursBack: query.hours_back }));
