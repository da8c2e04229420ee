// The built-in reply engine: offline and deterministic. Small talk by whole words; questions
// about the conversation from the user's own history; everything else from the knowledge the
// user may read: a sentence is quoted, with its numbered citation, only when it answers what
// was asked (lib/chat/answer/); otherwise it says plainly that it doesn't know, and what its
// sources do say nearby.
import type { Db } from "../db/client";
import { extractTopics } from "../loops/topics";
import { truncate } from "../text/truncate";
import { classify, type Intent } from "./intents";
import { retrieve, withBestSources } from "./retrieve";
import type { Reply } from "./reply";
import { analyzeQuestion } from "./answer/question";
import { evidenceFrom } from "./answer/evidence";
import { selectAnswers } from "./answer/select";
import { composeReply } from "./answer/compose";
import { termWeights } from "./answer/weights";

export type { Citation, Reply } from "./reply";

/** The passages read for an answer: the best few of those retrieved (then more of the best source). */
const MAX_PASSAGES = 8;

export async function builtinReply(o: { db: Db; userId: number; message: string }): Promise<Reply> {
  const intent = classify(o.message);
  if (intent === "greeting") return talk(intent, "Hello! Ask me anything about the knowledge you've added, and I'll tell you where each answer comes from.");
  if (intent === "thanks") return talk(intent, "You're welcome.");
  if (intent === "goodbye") return talk(intent, "Goodbye! Your conversation is saved for next time.");
  if (intent === "memory") return memoryReply(o);
  return knowledgeReply(o);
}

function talk(intent: Intent, text: string): Reply {
  return { text, citations: [], grounded: false, intent, outcome: "small_talk", answerStatus: "answered", engine: "builtin" };
}

async function memoryReply(o: { db: Db; userId: number; message: string }): Promise<Reply> {
  const earlier = await o.db.chatMessage.findMany({ where: { userId: o.userId, role: "user" }, orderBy: { id: "desc" }, take: 200, select: { content: true } });
  const past = earlier.slice(1); // the question itself is the newest
  if (!past.length) return { text: "We haven't talked about anything before this.", citations: [], grounded: true, intent: "memory", outcome: "answered", answerStatus: "answered", engine: "builtin" };
  const topics = extractTopics(past.map((m) => m.content), { minCount: 1, maxTopics: 5 });
  const last = truncate(past[0].content, 120);
  const text = `You've sent me ${past.length} message${past.length === 1 ? "" : "s"} before this one. ${topics.length ? `We talked most about ${topics.map((t) => `"${t.topic}"`).join(", ")}. ` : ""}The last thing you asked was: "${last}"`;
  return { text, citations: [], grounded: true, intent: "memory", outcome: "answered", answerStatus: "answered", engine: "builtin" };
}

/**
 * An answer from the knowledge the user may read, only where a sentence answers the question
 * (answer/select.ts); otherwise "I don't know", with what the sources do say about it.
 */
async function knowledgeReply(o: { db: Db; userId: number; message: string }): Promise<Reply> {
  const question = analyzeQuestion(o.message);
  const hits = await retrieve({ db: o.db, userId: o.userId, query: o.message });
  const evidence = evidenceFrom(await withBestSources({ db: o.db, hits: hits.slice(0, MAX_PASSAGES), max: MAX_PASSAGES + 8, sources: 2 }));
  const weigh = evidence.length ? await termWeights({ db: o.db, words: question.words }) : () => 1;
  return composeReply(question, selectAnswers(question, evidence, weigh));
}
