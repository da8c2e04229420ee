import { z } from "zod";
import { route } from "@/lib/api/route";
import { assertCanSummariseEveryone } from "@/lib/auth/access";
import { writeTransaction } from "@/lib/db/transaction";
import { composeSummary } from "@/lib/summaries/compose-summary";
import { saveSummary } from "@/lib/summaries/save-summary";
import { serializeSummary } from "@/lib/summaries/list-summaries";

// No body, as the earlier clients send it: your last 24 hours. An admin may ask for everybody's (?scope=overall).
const query = z.object({ scope: z.enum(["mine", "overall"], { message: "must be mine or overall" }).default("mine") });

export const POST = route({ query }, async ({ user, query }) => {
  if (query.scope === "overall") assertCanSummariseEveryone(user);
  const draft = await composeSummary({ user, scope: query.scope });
  const summary = await writeTransaction((tx) => saveSummary(tx, { actor: user.username, draft }));
  return { ...serializeSummary(summary), status: "generated", summary: summary.summaryText, counts: draft.counts };
});
