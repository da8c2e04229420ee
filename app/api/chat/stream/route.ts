import { route } from "@/lib/api/route";
import { chatBody, chatTurn } from "@/lib/chat/send-message";
import { serializeTurn } from "@/lib/chat/serialize-turn";

export const dynamic = "force-dynamic";

// The same turn as POST /api/chat/, as Server-Sent Events: `token` events with the text as it
// is produced, then `done` with what POST /api/chat/ answers (citations included), or `error`.
export const POST = route({ body: chatBody }, async ({ user, body }) => {
  const turn = chatTurn({ user, message: body.message, conversationId: body.conversation_id });
  // The first step runs before the response starts, so a bad conversation id is a plain 404.
  const first = await turn.next();
  const encoder = new TextEncoder();
  const event = (name: string, data: unknown) => encoder.encode(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        let step = first;
        while (!step.done) {
          controller.enqueue(event("token", { text: step.value }));
          step = await turn.next();
        }
        controller.enqueue(event("done", serializeTurn(step.value)));
      } catch (error) {
        console.error("[chat] streamed turn failed", error);
        controller.enqueue(event("error", { message: "The answer could not be completed; nothing was saved. Try again." }));
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, { headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", "X-Accel-Buffering": "no" } });
});
