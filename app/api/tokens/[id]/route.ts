import { z } from "zod";
import { route } from "@/lib/api/route";
import { writeTransaction } from "@/lib/db/transaction";
import { revokeToken } from "@/lib/tokens/revoke-token";
import { serializeToken } from "@/lib/tokens/list-tokens";

const params = z.object({ id: z.coerce.number().int().positive("must be a token id") });

export const DELETE = route({ params }, async ({ user, params }) => {
  const token = await writeTransaction((tx) => revokeToken(tx, { user, tokenId: params.id }));
  return { ...serializeToken(token), revoked_at: token.revokedAt?.toISOString() ?? null };
});
