// The built-in reply engine: offline and deterministic. Small talk by whole words; questions
// about the conversation from the user's own history; everything else from the knowledge the
// user may read, composed from the most relevant sentences, each with a numbered citation.
// When nothing relevant is found it says so plainly.
import type { Db } from "../db/client";
import { searchTerms, type SearchHit } from "../knowledge/search";
import { splitSentences } from "../knowledge/chunk";
import { extractTopics } from "../loops/topics";
import { classify, type Intent } from "./intents";
import { retrieve } from "./retrieve";
import type { Citation, Reply } from "./reply";

export type { Citation, Reply } from "./reply";

const LOW_TRUST = 70;
const MAX_SENTENCES = 3;

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
  const last = past[0].content.length > 120 ? `${past[0].content.slice(0, 117)}…` : past[0].content;
  const text = `You've sent me ${past.length} message${past.length === 1 ? "" : "s"} before this one. ${topics.length ? `We talked most about ${topics.map((t) => `"${t.topic}"`).join(", ")}. ` : ""}The last thing you asked was: "${last}"`;
  return { text, citations: [], grounded: true, intent: "memory", outcome: "answered", answerStatus: "answered", engine: "builtin" };
}

async function knowledgeReply(o: { db: Db; userId: number; message: string }): Promise<Reply> {
  const terms = searchTerms(o.message);
  const picked = pickSentences(await retrieve({ db: o.db, userId: o.userId, query: o.message }), terms);
  if (!picked.length) return unknown();

  const citations: Citation[] = [];
  const numberOf = new Map<number, number>();
  const parts: string[] = [];
  for (const { hit, sentence } of picked) {
    let n = numberOf.get(hit.artifact_id);
    if (n === undefined) {
      n = citations.length + 1;
      numberOf.set(hit.artifact_id, n);
      citations.push({ n, artifact_id: hit.artifact_id, chunk_id: hit.chunk_id, title: hit.title, url: hit.source_url, path: hit.path, trust_score: hit.trust_score, snippet: sentence, score: hit.score });
    }
    // Strip the ending ("?!", " ...") to put one period before the citation. The lookbehind
    // lets the run be tried only from its first character: `/\s*[.!?]*$/` was tried from every
    // space of a long run inside the sentence, quadratic.
    parts.push(`${sentence.replace(/(?<![\s.!?])[\s.!?]+$/, "")}. [${n}]`);
  }
  let text = parts.join(" ");
  const best = citations[0];
  if (best.trust_score < LOW_TRUST) text += `\n\nNote: my best source here, "${best.title}", has a trust score of only ${Math.round(best.trust_score)}; check it before relying on this.`;
  return { text, citations, grounded: true, intent: "question", outcome: "answered", answerStatus: "answered", engine: "builtin" };
}

function unknown(): Reply {
  return {
    text: "I don't know that yet: nothing in the knowledge I can read covers it. I've noted it as a research goal; add a source about it and ask me again.",
    citations: [],
    grounded: false,
    intent: "question",
    outcome: "unhandled",
    answerStatus: "unknown",
    engine: "builtin",
  };
}

/** The sentences that share the most query terms, from the best passages, best first. */
function pickSentences(hits: SearchHit[], terms: string[]) {
  const stems = terms.map((t) => t.slice(0, Math.max(4, t.length - 2)));
  const scored: { hit: SearchHit; sentence: string; matches: number; order: number }[] = [];
  hits.slice(0, 5).forEach((hit, rank) => {
    for (const sentence of splitSentences(hit.content)) {
      const lower = sentence.toLowerCase();
      const matches = stems.filter((s) => lower.includes(s)).length;
      if (matches) scored.push({ hit, sentence: sentence.trim(), matches, order: rank });
    }
  });
  const best = scored.sort((a, b) => b.matches - a.matches || a.order - b.order);
  const top = best[0]?.matches ?? 0;
  // Keep sentences nearly as relevant as the best one; never repeat a sentence.
  const seen = new Set<string>();
  return best.filter((s) => s.matches >= Math.max(1, top - 1) && !seen.has(s.sentence) && seen.add(s.sentence)).slice(0, MAX_SENTENCES);
}
