import { route } from "@/lib/api/route";
import { evaluateRecentEvents } from "@/lib/causal/evaluate-recent";

// Re-scores the last hour's causal events from what happened after each answer: your own (an admin: everyone's).
export const POST = route({}, async ({ user }) => {
  const { events_processed, rescored } = await evaluateRecentEvents({ user });
  return { status: "evaluated", events_processed, rescored };
});
