import { route } from "@/lib/api/route";
import { ownUserIdUnlessAdmin } from "@/lib/auth/access";
import { writeTransaction } from "@/lib/db/transaction";
import { saveEventScores, scoreRecentEvents } from "@/lib/causal/evaluate-events";

// Re-scores the last hour's causal events from what happened after each answer: your own (an admin: everyone's).
export const POST = route({}, async ({ user }) => {
  const userId = ownUserIdUnlessAdmin(user);
  const scores = await scoreRecentEvents({ userId });
  const { events_processed, rescored } = await writeTransaction((tx) => saveEventScores(tx, { actor: user.username, userId, scores }));
  return { status: "evaluated", events_processed, rescored };
});
