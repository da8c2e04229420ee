import { z } from "zod";
import { route } from "@/lib/api/route";
import { json } from "@/lib/api/responses";
import { page, paginationQuery } from "@/lib/api/pagination";
import { governed } from "@/lib/governance/govern";
import { personalTokenExpiry } from "@/lib/tokens/create-personal-token";
import { listTokens, serializeToken } from "@/lib/tokens/list-tokens";

export const GET = route({ query: paginationQuery }, async ({ user, query }) => {
  const rows = await listTokens({ userId: user.id, limit: query.limit, beforeId: query.cursor });
  const { items, next_cursor } = page(rows, query.limit, (t) => t.id);
  return { items: items.map(serializeToken), next_cursor };
});

const createBody = z.object({
  name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
  expires_in_days: z.number().int("must be a whole number").min(1, "must be at least 1").max(3650, "must be at most 3650").nullish(),
});

// The plain token is in this response and nowhere else, ever.
export const POST = route({ body: createBody }, async ({ user, body, token: caller }) => {
  const expiresAt = personalTokenExpiry({ expiresInDays: body.expires_in_days, callerTokenExpiresAt: caller?.expiresAt });
  const { token, record } = await governed({ actor: user, action: "token.create", payload: { name: body.name, expires_at: expiresAt?.toISOString() ?? null } });
  return json({ ...serializeToken(record), token }, { status: 201 });
});
