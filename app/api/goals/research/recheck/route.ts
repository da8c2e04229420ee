import { route } from "@/lib/api/route";
import { recheckResearchGoals } from "@/lib/goals/recheck-research-goals";

// Asks one's newest open research goals again against the knowledge one may read now; each
// one a source answers is marked answered (audited as goal.answered) → {checked, answered: [ids]}.
export const POST = route({}, async ({ user }) => recheckResearchGoals({ user }));
