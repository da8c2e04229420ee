import { route } from "@/lib/api/route";
import { paginationQuery } from "@/lib/api/pagination";
import { listResearchGoals } from "@/lib/goals/research";

// The questions Grace could not answer, newest first: {items: [{id, question, status: "open" |
// "answered" | "dismissed", created_at, answered_at}], next_cursor}. Only one's own.
export const GET = route({ query: paginationQuery }, async ({ user, query }) => listResearchGoals({ user, limit: query.limit, cursor: query.cursor }));
