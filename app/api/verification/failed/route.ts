import { z } from "zod";
import { route } from "@/lib/api/route";
import { auditActorFilter } from "@/lib/auth/access";
import { verificationFailures } from "@/lib/governance/verification";

const query = z.object({
  limit: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(1000, "must be at most 1000").default(50),
  hours_back: z.coerce.number().min(0, "must be at least 0").max(24 * 3650, "must be at most 87600").default(24),
});

// Audit entries whose result says the action did not happen, in the earlier envelope shape.
export const GET = route({ query }, async ({ user, query }) => verificationFailures({ actor: auditActorFilter(user), hoursBack: query.hours_back, limit: query.limit }));
