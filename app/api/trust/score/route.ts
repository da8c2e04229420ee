import { z } from "zod";
import { route } from "@/lib/api/route";
import { ValidationError } from "@/lib/errors";
import { scoreUrl } from "@/lib/trust/score-url";

const query = z.object({ url: z.string().min(1, "is required").max(2048, "is too long") });

export const GET = route({ query }, async ({ query }) => {
  try {
    return await scoreUrl({ url: query.url });
  } catch (error) {
    throw new ValidationError([{ field: "query.url", message: (error as Error).message }]);
  }
});
