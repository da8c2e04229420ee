import { z } from "zod";
import { route } from "@/lib/api/route";
import { proveInclusion } from "@/lib/audit/prove-inclusion";

const size = z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(2_147_483_647, "is too large");
const query = z.object({ sequence: size, tree_size: size.optional() });

// {sequence, tree_size, leaf_hash, audit_path: [hex], root_hash}; leaf index = sequence − 1,
// checkable with RFC 9162 §2.1.3.2. tree_size defaults to the latest signed head's.
export const GET = route({ query }, async ({ query }) => proveInclusion({ sequence: query.sequence, treeSize: query.tree_size }));
