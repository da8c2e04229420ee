import type { Db } from "../db/client";
import { builtinReply, type Reply } from "./builtin-engine";
import { llmConfigured, llmReply } from "./llm-engine";

/**
 * The reply engine behind every chat entry point: yields the answer's text as it is produced
 * and returns the finished reply. The LLM when one is configured, else the built-in engine,
 * whose answer is ready at once and is yielded word by word. When `signal` aborts (the reader
 * left), it stops and returns the answer as far as it got, marked interrupted.
 */
export async function* generateReply(o: { db: Db; userId: number; message: string; history: { role: string; content: string }[]; signal?: AbortSignal }): AsyncGenerator<string, Reply> {
  if (await llmConfigured({ db: o.db })) return yield* llmReply(o);
  const reply = await builtinReply(o);
  let said = "";
  for (const piece of reply.text.match(/\S+\s*|\s+/g) ?? []) {
    if (o.signal?.aborted) return cutShort(reply, said);
    yield piece;
    said += piece;
  }
  return reply;
}

/** The reply as far as it was said: only the citations its text already names. */
function cutShort(reply: Reply, said: string): Reply {
  const citations = reply.citations.filter((c) => said.includes(`[${c.n}]`));
  return { ...reply, text: said, citations, grounded: reply.citations.length ? citations.length > 0 : reply.grounded, interrupted: true };
}
