// Research goals are the questions Grace could not answer: goals whose text is
// "Research: <the question>" (research-goal.ts files them from chat).
import { db as defaultDb, type Db } from "../db/client";
import { page } from "../api/pagination";

export const RESEARCH_PREFIX = "Research: ";

/** The question of a research goal's text. */
export function researchQuestion(goalText: string): string {
  return goalText.startsWith(RESEARCH_PREFIX) ? goalText.slice(RESEARCH_PREFIX.length) : goalText;
}

/** How a research goal reads on its page: open, answered (a source now covers it) or dismissed. */
export function serializeResearchGoal(g: { id: number; goalText: string; status: string; createdAt: Date; completedAt: Date | null }) {
  const status = g.status === "completed" ? "answered" : g.status === "abandoned" ? "dismissed" : "open";
  return { id: g.id, question: researchQuestion(g.goalText), status, created_at: g.createdAt.toISOString(), answered_at: g.status === "completed" ? (g.completedAt?.toISOString() ?? null) : null };
}

/** The user's research goals, newest first (through the (userId, id) index). */
export async function listResearchGoals(o: { user: { id: number }; limit: number; cursor?: number; db?: Db }) {
  const db = o.db ?? defaultDb;
  const rows = await db.goal.findMany({
    where: { userId: o.user.id, goalText: { startsWith: RESEARCH_PREFIX }, ...(o.cursor ? { id: { lt: o.cursor } } : {}) },
    orderBy: { id: "desc" },
    take: o.limit + 1,
  });
  const { items, next_cursor } = page(rows, o.limit, (g) => g.id);
  return { items: items.map(serializeResearchGoal), next_cursor };
}
