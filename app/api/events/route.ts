import { route } from "@/lib/api/route";
import { subscribe } from "@/lib/events/hub";

export const dynamic = "force-dynamic";

// Server-Sent Events: job progress, new reflections, alerts and mode changes, within about a
// second of happening in any process. Pages fall back to polling when this is unavailable.
export const GET = route({}, async ({ req, user }) => {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup(); // the client went away
        }
      };
      write(`retry: 3000\n: connected\n\n`);
      const unsubscribe = subscribe({
        user,
        send: (events) => {
          for (const e of events) write(`event: ${e.type}\ndata: ${JSON.stringify(e.data)}\n\n`);
        },
      });
      const keepAlive = setInterval(() => write(": keep-alive\n\n"), 15_000);
      cleanup = () => {
        unsubscribe();
        clearInterval(keepAlive);
      };
      req.signal.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", "X-Accel-Buffering": "no" },
  });
});
