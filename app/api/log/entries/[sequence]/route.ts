import { z } from "zod";
import { route } from "@/lib/api/route";
import { getEntry } from "@/lib/audit/get-entry";
import { auditActorFilter } from "@/lib/auth/access";

const params = z.object({ sequence: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(2_147_483_647, "is too large") });

// One entry with its canonical bytes (base64), leaf hash and signature status, for checking its
// inclusion proof in the browser. Admins see any entry; anyone else their own (others: 404).
export const GET = route({ params }, async ({ user, params }) => getEntry({ sequence: params.sequence, actor: auditActorFilter(user) }));
