import { z } from "zod";
import { route } from "@/lib/api/route";
import { latestWitnessedHead } from "@/lib/audit/latest-witnessed-head";
import { witnessHead } from "@/lib/audit/witness-head";
import { NotFoundError } from "@/lib/errors";

const hex = (length: number) => z.string().regex(/^[0-9a-f]+$/, "must be lowercase hex").length(length, `must be ${length} hex digits`);
const base64 = (max: number) => z.string().max(max, `must be at most ${max} characters`).regex(/^[A-Za-z0-9+/]*={0,2}$/, "must be base64");
const size = z.number().int("must be a whole number").min(0, "must be at least 0").max(2_147_483_647, "is too large");

const body = z.object({
  head: z.object({
    tree_size: size.min(1, "must be at least 1"),
    root_hash: hex(64),
    timestamp: z.iso.datetime({ message: "must be an ISO 8601 date-time" }),
    key_id: hex(16),
    signature: base64(100),
    signed_message: base64(1000),
  }),
  public_key_pem: z.string().max(1000, "must be at most 1000 characters"),
  first: size,
  proof: z.array(hex(64)).max(64, "must have at most 64 hashes"),
});

// This Grace as a witness of another's log. POST: countersign a head that extends the last one
// seen for its key → {key_id, countersignature, public_key_pem}; 409 and a critical alert when it
// does not. Any signed-in user may submit (the head's own signature is what is trusted): give each
// log you witness an account and a token. GET ?key_id=: the last head countersigned for that log,
// public, so anyone (audit:verify --witness) can compare it with the log.
export const POST = route({ body }, async ({ body, user }) => witnessHead({ ...body, submittedBy: user.username }));

export const GET = route({ access: "public", query: z.object({ key_id: hex(16) }) }, async ({ query }) => {
  const seen = await latestWitnessedHead({ logKeyId: query.key_id });
  if (!seen) throw new NotFoundError("Witnessed head for this log");
  return seen;
});
