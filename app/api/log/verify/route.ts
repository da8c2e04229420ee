import { z } from "zod";
import { route } from "@/lib/api/route";
import { db } from "@/lib/db/client";
import { verifyLog } from "@/lib/audit";

const query = z.object({
  start_seq: z.coerce.number().int().min(1, "must be at least 1").optional(),
  end_seq: z.coerce.number().int().min(1, "must be at least 1").optional(),
});

export const GET = route({ query }, async ({ query }) =>
  verifyLog(db, { fromSequence: query.start_seq, toSequence: query.end_seq }),
);
