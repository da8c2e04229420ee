import { z } from "zod";
import { route } from "@/lib/api/route";
import { auditActorFilter } from "@/lib/auth/access";
import { verificationAudit } from "@/lib/governance/verification";

const query = z.object({
  limit: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(1000, "must be at most 1000").default(100),
  actor: z.string().max(64).optional(),
  action_type: z.string().max(128).optional(),
  hours_back: z.coerce.number().min(0, "must be at least 0").max(24 * 3650, "must be at most 87600").default(24),
});

// The earlier API's verification envelopes, mapped from audit entries (lib/governance/verification.ts).
export const GET = route({ query }, async ({ user, query }) =>
  verificationAudit({ actor: auditActorFilter(user, query.actor), action: query.action_type, hoursBack: query.hours_back, limit: query.limit }),
);
