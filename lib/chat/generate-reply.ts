import type { Db } from "../db/client";
import { builtinReply, type Reply } from "./builtin-engine";
import { llmConfigured, llmReply } from "./llm-engine";

/**
 * The reply engine behind every chat entry point: yields the answer's text as it is produced
 * and returns the finished reply. The LLM when one is configured, else the built-in engine,
 * whose answer is ready at once and is yielded word by word.
 */
export async function* generateReply(o: { db: Db; userId: number; message: string; history: { role: string; content: string }[] }): AsyncGenerator<string, Reply> {
  if (llmConfigured()) return yield* llmReply(o);
  const reply = await builtinReply(o);
  for (const piece of reply.text.match(/\S+\s*|\s+/g) ?? []) yield piece;
  return reply;
}
