import { route } from "@/lib/api/route";
import { idParams } from "@/lib/api/params";
import { writeTransaction } from "@/lib/db/transaction";
import { revokeToken } from "@/lib/tokens/revoke-token";
import { serializeToken } from "@/lib/tokens/list-tokens";

const params = idParams("a token id");

export const DELETE = route({ params }, async ({ user, params }) => {
  const token = await writeTransaction((tx) => revokeToken({ tx, user, tokenId: params.id }));
  return { ...serializeToken(token), revoked_at: token.revokedAt?.toISOString() ?? null };
});
