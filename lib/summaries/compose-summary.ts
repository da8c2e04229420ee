import { db as defaultDb, type Db } from "../db/client";
import { extractTopics, type Topic } from "../loops/topics";

export const SUMMARY_PERIOD_MS = 24 * 3_600_000;
// The most recent messages whose topics a summary reads (a day of a very busy Grace is more).
const MAX_MESSAGES = 10_000;

export type SummaryDraft = {
  userId: number | null;
  periodStart: Date;
  periodEnd: Date;
  summaryText: string;
  keyTopics: string[];
  tasksCreated: number;
  counts: { questions: number; answers: number; users: number; tasks_created: number; goals_touched: number; goals_completed: number; reflections: number };
};

/**
 * What happened in the 24 hours up to `now`: the caller's (scope "mine") or everybody's
 * ("overall") messages and their recurring topics, tasks created, goals touched and the
 * reflections written — counted from the rows themselves, every query on an index of the
 * period's time column.
 */
export async function composeSummary(o: { user: { id: number }; scope: "mine" | "overall"; now?: Date; db?: Db }): Promise<SummaryDraft> {
  const db = o.db ?? defaultDb;
  const periodEnd = o.now ?? new Date();
  const periodStart = new Date(periodEnd.getTime() - SUMMARY_PERIOD_MS);
  const during = { gte: periodStart, lte: periodEnd };
  const who = o.scope === "mine" ? { userId: o.user.id } : {};
  const [questions, answers, texts, speakers, tasksCreated, goalsTouched, goalsCompleted, reflections] = await Promise.all([
    db.chatMessage.count({ where: { ...who, role: "user", createdAt: during } }),
    db.chatMessage.count({ where: { ...who, role: "grace", createdAt: during } }),
    db.chatMessage.findMany({ where: { ...who, role: "user", createdAt: during }, orderBy: { createdAt: "desc" }, take: MAX_MESSAGES, select: { content: true } }),
    o.scope === "overall" ? db.chatMessage.groupBy({ by: ["userId"], where: { role: "user", createdAt: during } }) : Promise.resolve(null),
    db.task.count({ where: { ...who, createdAt: during } }),
    db.goal.count({ where: { ...who, updatedAt: during } }),
    db.goal.count({ where: { ...who, completedAt: during } }),
    db.reflection.findMany({ where: { userId: o.scope === "mine" ? o.user.id : null, generatedAt: during }, orderBy: { generatedAt: "desc" }, select: { insight: true } }),
  ]);
  const topics = extractTopics(
    texts.map((t) => t.content),
    { minCount: 2, maxTopics: 10 },
  );
  const users = speakers ? speakers.length : questions > 0 ? 1 : 0;
  const counts = { questions, answers, users, tasks_created: tasksCreated, goals_touched: goalsTouched, goals_completed: goalsCompleted, reflections: reflections.length };
  return {
    userId: o.scope === "mine" ? o.user.id : null,
    periodStart,
    periodEnd,
    summaryText: describe(o.scope, counts, topics, reflections[0]?.insight ?? null),
    keyTopics: topics.map((t) => t.topic),
    tasksCreated,
    counts,
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function describe(scope: "mine" | "overall", c: SummaryDraft["counts"], topics: Topic[], latestInsight: string | null): string {
  const from = scope === "mine" ? "from you" : `from ${plural(c.users, "person", "people")}`;
  if (c.questions + c.answers + c.tasks_created + c.goals_touched + c.reflections === 0) return "Last 24 hours: no messages, tasks, goals or reflections.";
  const parts = [`${plural(c.questions, "message")} ${from} and ${plural(c.answers, "answer")}`];
  parts.push(topics.length ? `recurring topics: ${topics.slice(0, 5).map((t) => `${t.topic} (${t.count})`).join(", ")}` : "no topic came up more than once");
  parts.push(`${plural(c.tasks_created, "task")} created`);
  parts.push(`${plural(c.goals_touched, "goal")} touched${c.goals_completed ? ` (${c.goals_completed} completed)` : ""}`);
  parts.push(`${plural(c.reflections, "reflection")}${latestInsight ? ` — latest: ${latestInsight}` : ""}`);
  return `Last 24 hours: ${parts.join("; ")}.`;
}
