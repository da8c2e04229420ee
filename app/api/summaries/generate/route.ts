import { z } from "zod";
import { route } from "@/lib/api/route";
import { generateSummary } from "@/lib/summaries/generate-summary";
import { serializeSummary } from "@/lib/summaries/list-summaries";

// No body, as the earlier clients send it: your last 24 hours. An admin may ask for everybody's (?scope=overall).
const query = z.object({ scope: z.enum(["mine", "overall"], { message: "must be mine or overall" }).default("mine") });

export const POST = route({ query }, async ({ user, query }) => {
  const { summary, draft } = await generateSummary({ user, scope: query.scope });
  return { ...serializeSummary(summary), status: "generated", summary: summary.summaryText, counts: draft.counts };
});
