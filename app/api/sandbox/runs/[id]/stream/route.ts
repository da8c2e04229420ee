import { route } from "@/lib/api/route";
import { idParams } from "@/lib/api/params";
import { followRun, type RunEvent } from "@/lib/sandbox/runs/follow-run";

export const dynamic = "force-dynamic";

const params = idParams("a run id");

// Server-Sent Events: `output` {stream, text} as the program writes, then `done` with the run's
// result (the same shape as POST /api/sandbox/run), then the stream ends.
export const GET = route({ params }, async ({ req, user, params }) => {
  const events = followRun({ userId: user.id, runId: params.id, signal: req.signal });
  // The first step runs the ownership check, so a run that is not yours is a 404, not an empty stream.
  const first = await events.next();
  const encoder = new TextEncoder();
  const frame = (e: RunEvent) => encoder.encode(`event: ${e.type}\ndata: ${JSON.stringify(e.data)}\n\n`);
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        if (!first.done) controller.enqueue(frame(first.value));
        for await (const e of events) controller.enqueue(frame(e));
      } catch (error) {
        if (!req.signal.aborted) {
          console.error(`[sandbox] stream of run ${params.id} failed`, error);
          controller.enqueue(encoder.encode(`event: error\ndata: ${JSON.stringify({ message: "The stream broke off; the run's result is at GET /api/sandbox/runs/" + params.id })}\n\n`));
        }
      }
      try {
        controller.close();
      } catch {
        // the client went away
      }
    },
    cancel() {
      void events.return(undefined);
    },
  });
  return new Response(stream, { headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", "X-Accel-Buffering": "no" } });
});
