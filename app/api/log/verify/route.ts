import { z } from "zod";
import { route } from "@/lib/api/route";
import { checkLog } from "@/lib/audit/check-log";

const query = z
  .object({
    start_seq: z.coerce.number().int().min(1, "must be at least 1").optional(),
    end_seq: z.coerce.number().int().min(1, "must be at least 1").optional(),
  })
  .refine((q) => q.start_seq === undefined || q.end_seq === undefined || q.end_seq >= q.start_seq, {
    message: "must not be below start_seq",
    path: ["end_seq"],
  });

// Recomputes every hash and link in the range, and checks the entries' signatures and the
// signed tree heads (lib/audit/check-log.ts). Results are shared for a few seconds: a tampered
// row shows up at most that much later.
export const GET = route({ query }, async ({ query }) => checkLog({ fromSequence: query.start_seq, toSequence: query.end_seq }));
