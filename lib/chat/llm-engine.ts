// Answers through any OpenAI-compatible chat-completions endpoint (GRACE_LLM_BASE_URL,
// GRACE_LLM_MODEL, GRACE_LLM_API_KEY): the retrieved passages, numbered, and the recent turns
// go into the prompt; the answer streams. If the model errors or is slower than
// GRACE_LLM_TIMEOUT_MS before it has said anything, the built-in engine answers instead and
// the reply is marked as a fallback. If the caller's signal aborts (the reader left), the model
// request is stopped at once and the answer so far is returned, marked interrupted.
import OpenAI from "openai";
import type { Db } from "../db/client";
import { config } from "../config";
import { builtinReply, type Citation, type Reply } from "./builtin-engine";
import { classify } from "./intents";
import { retrieve } from "./retrieve";

export function llmConfigured(): boolean {
  return Boolean(config.llm.baseUrl);
}

function timeoutMs() {
  return config.llm.timeoutMs;
}

const SYSTEM = `You are Grace, an assistant that answers only from the numbered sources given to you.
Cite every claim with its source number in square brackets, like [1]. If the sources do not
contain the answer, say plainly that you don't know. Be brief.`;

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
  const client = new OpenAI({ baseURL: config.llm.baseUrl, apiKey: config.llm.apiKey || "not-needed", maxRetries: 0, timeout: timeoutMs() });
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new Error(`the model took longer than ${timeoutMs()} ms`)), timeoutMs());
  // The reader leaving stops the model request too: nobody would read the rest.
  const leave = () => abort.abort(new Error("the reader left"));
  if (o.signal?.aborted) leave();
  else o.signal?.addEventListener("abort", leave, { once: true });
  const left = () => o.signal?.aborted === true;
  let text = "";
  try {
    const stream = await client.chat.completions.create(
      {
        model: config.llm.model,
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
        text += token;
        yield token;
      }
    }
    // An aborted stream can end quietly instead of throwing; an empty answer is no answer.
    if (abort.signal.aborted && !left()) throw abort.signal.reason;
    if (!text.trim()) throw new Error("the model returned an empty answer");
  } catch (error) {
    if (left()) return answer(o.message, text, sources, true);
    if (!text) {
      console.warn(`[chat] the model failed (${error instanceof Error ? error.message : String(error)}); the built-in engine answers`);
      const reply = await builtinReply(o);
      yield reply.text;
      return { ...reply, fallback: true };
    }
    // Part of the answer is already on the reader's screen: say it stopped, keep what came.
    const note = "\n\n(The model stopped before finishing this answer.)";
    text += note;
    yield note;
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener("abort", leave);
  }
  return answer(o.message, text, sources, left());
}

/** The reply the model gave (so far, when the reader left), citing the sources it named. */
function answer(message: string, text: string, sources: Citation[], interrupted: boolean): Reply {
  const cited = sources.filter((s) => text.includes(`[${s.n}]`));
  const grounded = cited.length > 0;
  return {
    text,
    citations: cited,
    grounded,
    intent: classify(message),
    outcome: grounded || /\w/.test(text) ? "answered" : "unhandled",
    answerStatus: grounded ? "answered" : "unknown",
    engine: "llm",
    ...(interrupted ? { interrupted: true } : {}),
  };
}
