import type { Tx } from "../db/client";
import { append } from "../audit";
import { truncate } from "../text/truncate";
import { isSpace } from "../text/chars";

/** "What is X?" and "what is  x" are the same question: one goal, not two. */
export function researchGoalText(question: string): string {
  const q = trimEndPunctuation(question.trim().replace(/\s+/g, " ")).toLowerCase();
  return `Research: ${truncate(q, 500, "")}`;
}

/** Without trailing spaces, ? ! and . — a backward scan (`/[\s?!.]+$/` was quadratic on a long run of them mid-text). */
function trimEndPunctuation(s: string): string {
  let end = s.length;
  while (end > 0 && (isSpace(s.charCodeAt(end - 1)) || "?!.".includes(s[end - 1]))) end--;
  return s.slice(0, end);
}

/** Notes an unanswered question as a research goal, unless an active one for it exists. */
export async function ensureResearchGoal(o: { tx: Tx; user: { id: number; username: string }; question: string }) {
  const { tx } = o;
  const goalText = researchGoalText(o.question);
  const existing = await tx.goal.findFirst({ where: { userId: o.user.id, goalText, status: "active" } });
  if (existing) return { goal: existing, created: false };
  const goal = await tx.goal.create({ data: { userId: o.user.id, goalText } });
  await append({ tx, actor: o.user.username, action: "goal.create", resource: `goal:${goal.id}`, subsystem: "goals", payload: { goal_text: goalText, from: "unanswered question" }, result: "success" });
  return { goal, created: true };
}
