// Answers through any OpenAI-compatible chat-completions endpoint (the one set in Settings →
// Model, else GRACE_LLM_BASE_URL, GRACE_LLM_MODEL, GRACE_LLM_API_KEY: lib/llm/settings.ts): the retrieved passages, numbered, and the recent turns
// go into the prompt; the answer streams. If the model errors or is slower than
// GRACE_LLM_TIMEOUT_MS before it has said anything, the built-in engine answers instead and
// the reply is marked as a fallback. If the caller's signal aborts (the reader left), the model
// request is stopped at once and the answer so far is returned, marked interrupted.
// The model is held to the same honesty as the built-in engine: citation markers naming no given
// source are removed as the answer streams (llm/citation-markers.ts), an answer with no valid
// citation is not grounded, and a "don't know" (llm/refusal.ts) sets how far it answered, so the
// turn files its research goal (see answer() below).
import type { Db } from "../db/client";
import { modelClient } from "../llm/client";
import { redactKeys } from "../llm/secret-box";
import { modelSettings } from "../llm/settings";
import { builtinReply } from "./builtin-engine";
import { classify } from "./intents";
import { CitationMarkerFilter } from "./llm/citation-markers";
import { saysDontKnow } from "./llm/refusal";
import type { Citation, Reply } from "./reply";
import { retrieve } from "./retrieve";

/** Whether a model answers (an endpoint is set in Settings or the environment), else the built-in engine. */
export async function llmConfigured(o: { db?: Db } = {}): Promise<boolean> {
  return Boolean((await modelSettings(o)).baseUrl);
}

const SYSTEM = `You are Grace, an assistant that answers only from the numbered sources given to you.
Cite every claim with its source number in square brackets, like [1], using only the numbers of
the sources given. If the sources do not contain the answer, say plainly that you don't know, in
the language of the question. Be brief.`;

export async function* llmReply(o: { db: Db; userId: number; message: string; history: { role: string; content: string }[]; signal?: AbortSignal }): AsyncGenerator<string, Reply> {
  const hits = (await retrieve({ db: o.db, userId: o.userId, query: o.message, limit: 5 })).slice(0, 5);
  const sources: Citation[] = [];
  for (const h of hits) {
    if (sources.some((s) => s.artifact_id === h.artifact_id)) continue;
    sources.push({ n: sources.length + 1, artifact_id: h.artifact_id, chunk_id: h.chunk_id, title: h.title, url: h.source_url, path: h.path, trust_score: h.trust_score, snippet: h.content, score: h.score });
  }
  const context = sources.length
    ? sources.map((s) => `[${s.n}] ${s.title} (trust ${Math.round(s.trust_score)}/100)\n${s.snippet}`).join("\n\n")
    : "(no sources match this question)";
  const settings = await modelSettings({ db: o.db });
  const client = modelClient(settings);
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new Error(`the model took longer than ${settings.timeoutMs} ms`)), settings.timeoutMs);
  // The reader leaving stops the model request too: nobody would read the rest.
  const leave = () => abort.abort(new Error("the reader left"));
  if (o.signal?.aborted) leave();
  else o.signal?.addEventListener("abort", leave, { once: true });
  const left = () => o.signal?.aborted === true;
  // Invented citation markers never reach the reader: text from a "[" waits until its marker is known.
  const markers = new CitationMarkerFilter(new Set(sources.map((s) => s.n)));
  let shown = false;
  try {
    const stream = await client.chat.completions.create(
      {
        model: settings.model,
        stream: true,
        messages: [
          { role: "system", content: SYSTEM },
          ...o.history.map((m) => ({ role: m.role === "user" ? ("user" as const) : ("assistant" as const), content: m.content })),
          { role: "user", content: `Sources:\n${context}\n\nQuestion: ${o.message}` },
        ],
      },
      { signal: abort.signal },
    );
    for await (const chunk of stream) {
      if (left()) break;
      const token = chunk.choices[0]?.delta?.content;
      if (token) {
        const visible = markers.push(token);
        if (visible) {
          shown = true;
          yield visible;
        }
      }
    }
    // An aborted stream can end quietly instead of throwing; an empty answer is no answer.
    if (abort.signal.aborted && !left()) throw abort.signal.reason;
    if (!left()) {
      const rest = markers.end();
      if (rest) {
        shown = true;
        yield rest;
      }
    }
    if (!markers.text().trim()) throw new Error("the model returned an empty answer");
  } catch (error) {
    // What the reader saw is what is kept: text held back for a marker was never shown.
    if (left()) return answer({ message: o.message, text: markers.text(), sources, cited: markers.cited(), interrupted: true });
    if (!shown) {
      console.warn(`[chat] the model failed (${redactKeys(error instanceof Error ? error.message : String(error), settings.apiKey)}); the built-in engine answers`);
      const reply = await builtinReply(o);
      yield reply.text;
      return { ...reply, fallback: true };
    }
    // Part of the answer is already on the reader's screen: say it stopped, keep what came.
    const note = "\n\n(The model stopped before finishing this answer.)";
    yield markers.end() + note;
    return answer({ message: o.message, text: markers.text(), note, sources, cited: markers.cited(), interrupted: false });
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener("abort", leave);
  }
  return answer({ message: o.message, text: markers.text(), sources, cited: markers.cited(), interrupted: left() });
}

/**
 * The reply the model gave (so far, when the reader left), citing the given sources its text
 * names (invented markers are already gone), and how far it answered:
 *   - a question answered with a valid citation and no "I don't know": answered;
 *   - with a valid citation and an "I don't know" beside it: partial — it answered something
 *     from the sources and said it could not answer the rest; the question is filed as research;
 *   - with no valid citation: unknown and not grounded, whether the model said it does not know
 *     or wrote an answer that names no source. Grace cannot stand behind an uncited claim (it may
 *     come from the model's own memory, not the reader's knowledge), so it is marked as not
 *     based on the sources, and a research goal is filed as when nothing is known.
 * Small talk and questions about the conversation are answered whatever they cite: there is
 * nothing in them to research.
 */
function answer(o: { message: string; text: string; note?: string; sources: Citation[]; cited: number[]; interrupted: boolean }): Reply {
  const cited = new Set(o.cited);
  const citations = o.sources.filter((s) => cited.has(s.n));
  const grounded = citations.length > 0;
  const intent = classify(o.message);
  const reply = { text: o.text + (o.note ?? ""), citations, grounded, intent, engine: "llm" as const, ...(o.interrupted ? { interrupted: true } : {}) };
  if (intent !== "question") return { ...reply, outcome: intent === "memory" ? "answered" : "small_talk", answerStatus: "answered" };
  if (!grounded) return { ...reply, outcome: "unhandled", answerStatus: "unknown" };
  if (saysDontKnow(o.text)) return { ...reply, outcome: "answered", answerStatus: "partial", unanswered: o.message };
  return { ...reply, outcome: "answered", answerStatus: "answered" };
}
