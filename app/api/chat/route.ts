import { route } from "@/lib/api/route";
import { chatBody, sendMessage } from "@/lib/chat/send-message";

// The earlier API's {message} → {response}, with the conversation, the citations and whether
// the answer is grounded in knowledge beside it. /api/chat/ answers too (no redirect).
export const POST = route({ body: chatBody }, async ({ user, body }) => {
  const { conversation, answer, reply } = await sendMessage({ user, message: body.message, conversationId: body.conversation_id });
  return {
    response: reply.text,
    conversation_id: conversation.id,
    message_id: answer.id,
    citations: reply.citations.map(({ n, artifact_id, chunk_id, title, url, trust_score, snippet }) => ({ n, artifact_id, chunk_id, title, url, trust_score, snippet })),
    grounded: reply.grounded,
    engine: reply.engine,
  };
});
