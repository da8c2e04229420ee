import type { Reply } from "./builtin-engine";

/** The answer to POST /api/chat/ and the final event of /api/chat/stream. */
export function serializeTurn(t: { conversation: { id: number }; answer: { id: number }; reply: Reply }) {
  return {
    response: t.reply.text,
    conversation_id: t.conversation.id,
    message_id: t.answer.id,
    citations: t.reply.citations.map(({ n, artifact_id, chunk_id, title, url, trust_score, snippet }) => ({ n, artifact_id, chunk_id, title, url, trust_score, snippet })),
    grounded: t.reply.grounded,
    answer_status: t.reply.answerStatus,
    engine: t.reply.engine,
    fallback: t.reply.fallback ?? false,
  };
}
