import { route } from "@/lib/api/route";
import { chatBody, sendMessage } from "@/lib/chat/send-message";
import { serializeTurn } from "@/lib/chat/serialize-turn";

// The earlier API's {message} → {response}, with the conversation, the citations and whether
// the answer is grounded in knowledge beside it. /api/chat/ answers too (no redirect).
export const POST = route({ body: chatBody }, async ({ user, body }) => {
  return serializeTurn(await sendMessage({ user, message: body.message, conversationId: body.conversation_id }));
});
