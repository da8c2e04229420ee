import { z } from "zod";
import { createToken } from "../../tokens/create-token";
import { serializeToken } from "../../tokens/list-tokens";
import { defineAction } from "./define";

export const tokenCreate = defineAction({
  name: "token.create",
  label: "Create an API token",
  payload: z.object({ name: z.string().trim().min(1).max(100), expires_at: z.iso.datetime().nullable().default(null) }),
  resource: (p) => `token:${p.name}`,
  perform: async ({ tx, actor, payload }) => createToken({ tx, user: actor, name: payload.name, expiresAt: payload.expires_at ? new Date(payload.expires_at) : null }),
  // The plain token is shown once, to whoever created it, and never stored: an approved
  // token's requester sees its prefix here and makes another if they need the secret.
  summarize: ({ record }) => serializeToken(record),
});
