// Asks the open research goals again: a goal is answered once the knowledge its owner may read
// answers the question, by the same rules as the built-in chat engine (a cited sentence for
// every part of it). Run after someone adds knowledge (their file or web page) and when they
// open their research goals, which also catches shared knowledge others added.
import { db as defaultDb, type Db } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { append } from "../audit";
import { builtinReply } from "../chat/builtin-engine";
import { RESEARCH_PREFIX, researchQuestion } from "./research";

/** Open goals asked again per run, newest first: each costs a search and an answer. */
export const RECHECK_LIMIT = 20;

export type RecheckResult = { checked: number; answered: number[] };

export async function recheckResearchGoals(o: { user: { id: number; username: string }; db?: Db; limit?: number }): Promise<RecheckResult> {
  const db = o.db ?? defaultDb;
  const open = await db.goal.findMany({
    where: { userId: o.user.id, status: "active", goalText: { startsWith: RESEARCH_PREFIX } },
    orderBy: { id: "desc" },
    take: o.limit ?? RECHECK_LIMIT,
    select: { id: true, goalText: true },
  });
  const found: { id: number; sources: number[] }[] = [];
  for (const goal of open) {
    const reply = await builtinReply({ db, userId: o.user.id, message: researchQuestion(goal.goalText) });
    if (reply.answerStatus === "answered" && reply.citations.length) found.push({ id: goal.id, sources: [...new Set(reply.citations.map((c) => c.artifact_id))] });
  }
  if (!found.length) return { checked: open.length, answered: [] };
  const answered = await writeTransaction(async (tx) => {
    const done: number[] = [];
    const now = new Date();
    for (const f of found) {
      // Only a goal still open: another run, or its owner, may have closed it meanwhile.
      const { count } = await tx.goal.updateMany({ where: { id: f.id, userId: o.user.id, status: "active" }, data: { status: "completed", completedAt: now } });
      if (!count) continue;
      await append({ tx, actor: o.user.username, action: "goal.answered", resource: `goal:${f.id}`, subsystem: "goals", payload: { sources: f.sources }, result: "success" });
      done.push(f.id);
    }
    return done;
  }, db);
  return { checked: open.length, answered };
}

/** After new knowledge: asks the user's open goals again; a failure is logged, never the ingest's. */
export async function recheckAfterIngest(o: { user: { id: number; username: string }; db?: Db }): Promise<void> {
  try {
    await recheckResearchGoals(o);
  } catch (error) {
    console.error("[goals] re-checking research goals after an ingest failed", error);
  }
}
