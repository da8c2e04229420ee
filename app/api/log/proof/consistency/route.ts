import { z } from "zod";
import { route } from "@/lib/api/route";
import { proveConsistency } from "@/lib/audit/prove-consistency";

const size = z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(2_147_483_647, "is too large");
const query = z.object({ first: size, second: size.optional() });

// {first, second, proof: [hex], first_root, second_root}, checkable with RFC 9162 §2.1.4.2.
// second defaults to the latest signed head's size.
export const GET = route({ query }, async ({ query }) => proveConsistency({ first: query.first, second: query.second }));
