import { z } from "zod";
import { route } from "@/lib/api/route";
import { json } from "@/lib/api/responses";
import { page, paginationQuery } from "@/lib/api/pagination";
import { db } from "@/lib/db/client";
import { writeTransaction } from "@/lib/db/transaction";
import { createToken } from "@/lib/tokens/create-token";
import { listTokens, serializeToken } from "@/lib/tokens/list-tokens";

export const GET = route({ query: paginationQuery }, async ({ user, query }) => {
  const rows = await listTokens(db, { userId: user.id, limit: query.limit, beforeId: query.cursor });
  const { items, next_cursor } = page(rows, query.limit, (t) => t.id);
  return { items: items.map(serializeToken), next_cursor };
});

const createBody = z.object({
  name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
  expires_in_days: z.number().int("must be a whole number").min(1, "must be at least 1").max(3650, "must be at most 3650").nullish(),
});

// The plain token is in this response and nowhere else, ever. A token made with a token
// never outlives it: a leaked 30-day login token cannot mint a permanent one.
export const POST = route({ body: createBody }, async ({ user, body, token: caller }) => {
  let expiresAt = body.expires_in_days ? new Date(Date.now() + body.expires_in_days * 86_400_000) : null;
  if (caller?.expiresAt && (!expiresAt || expiresAt > caller.expiresAt)) expiresAt = caller.expiresAt;
  const { token, record } = await writeTransaction((tx) => createToken(tx, { user, name: body.name, expiresAt }));
  return json({ ...serializeToken(record), token }, { status: 201 });
});
