import { route } from "@/lib/api/route";
import { chatBody, chatTurn } from "@/lib/chat/send-message";
import { serializeTurn } from "@/lib/chat/serialize-turn";

export const dynamic = "force-dynamic";

// The same turn as POST /api/chat/, as Server-Sent Events: `token` events with the text as it
// is produced, then `done` with what POST /api/chat/ answers (citations included), or `error`.
// A reader who leaves — the connection closes (Next aborts the request's signal) or the
// response stream is cancelled — stops the answer; the turn is saved as far as it got.
export const POST = route({ body: chatBody }, async ({ user, body, req }) => {
  const cancelled = new AbortController();
  const left = AbortSignal.any([req.signal, cancelled.signal]);
  const turn = chatTurn({ user, message: body.message, conversationId: body.conversation_id, signal: left });
  // The first step runs before the response starts, so a bad conversation id is a plain 404.
  const first = await turn.next();
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (name: string, data: unknown) => {
        if (left.aborted) return;
        try {
          controller.enqueue(encoder.encode(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`));
        } catch {
          // The stream closed under us: the reader has gone, and the signal says so next.
        }
      };
      try {
        // Run the turn to its end even after the reader left: that is what saves it.
        let step = first;
        while (!step.done) {
          send("token", { text: step.value });
          step = await turn.next();
        }
        send("done", serializeTurn(step.value));
      } catch (error) {
        console.error("[chat] streamed turn failed", error);
        send("error", { message: "The answer could not be completed; nothing was saved. Try again." });
      } finally {
        try {
          controller.close();
        } catch {
          // Already cancelled by the reader.
        }
      }
    },
    cancel() {
      cancelled.abort();
    },
  });
  return new Response(stream, { headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", "X-Accel-Buffering": "no" } });
});
