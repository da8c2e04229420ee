import type { Tx } from "../db/client";
import { append } from "../audit";

/** "What is X?" and "what is  x" are the same question: one goal, not two. */
export function researchGoalText(question: string): string {
  const q = question.trim().replace(/\s+/g, " ").replace(/[\s?!.]+$/, "").toLowerCase();
  return `Research: ${q.slice(0, 500)}`;
}

/** Notes an unanswered question as a research goal, unless an active one for it exists. */
export async function ensureResearchGoal(tx: Tx, o: { user: { id: number; username: string }; question: string }) {
  const goalText = researchGoalText(o.question);
  const existing = await tx.goal.findFirst({ where: { userId: o.user.id, goalText, status: "active" } });
  if (existing) return { goal: existing, created: false };
  const goal = await tx.goal.create({ data: { userId: o.user.id, goalText } });
  await append(tx, { actor: o.user.username, action: "goal.create", resource: `goal:${goal.id}`, subsystem: "goals", payload: { goal_text: goalText, from: "unanswered question" }, result: "success" });
  return { goal, created: true };
}
