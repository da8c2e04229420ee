import { route } from "@/lib/api/route";
import { chatBody, sendMessage } from "@/lib/chat/send-message";
import { serializeTurn } from "@/lib/chat/serialize-turn";

// The earlier API's {message} → {response}, with the conversation, the citations and whether
// the answer is grounded in knowledge beside it. /api/chat/ answers too (no redirect).
// A client that hangs up stops the answer; the turn is saved as far as it got, interrupted.
export const POST = route({ body: chatBody }, async ({ user, body, req }) => {
  return serializeTurn(await sendMessage({ user, message: body.message, conversationId: body.conversation_id, signal: req.signal }));
});
