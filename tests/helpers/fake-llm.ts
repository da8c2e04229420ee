// A local OpenAI-compatible chat-completions server for tests: streams the tokens it is told
// to, with a pause between them, or fails. Never the network.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeLlm = {
  url: string;
  /** What to do with the next requests. */
  behave: (b: { tokens?: string[]; delayMs?: number; firstDelayMs?: number; status?: number }) => void;
  lastRequest: () => { model: string; messages: { role: string; content: string }[] } | null;
  finishedAt: () => number | null;
  close: () => Promise<void>;
};

export async function startFakeLlm(): Promise<FakeLlm> {
  let behaviour: { tokens: string[]; delayMs: number; firstDelayMs: number; status: number } = { tokens: ["Hello"], delayMs: 0, firstDelayMs: 0, status: 200 };
  let last: ReturnType<FakeLlm["lastRequest"]> = null;
  let finished: number | null = null;
  const server: Server = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
      res.writeHead(404).end();
      return;
    }
    last = JSON.parse(body);
    if (behaviour.status !== 200) {
      res.writeHead(behaviour.status, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "the fake model is down" } }));
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream" });
    const chunk = (delta: object, finish: string | null = null) =>
      `data: ${JSON.stringify({ id: "fake", object: "chat.completion.chunk", created: 0, model: "fake", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
    res.write(chunk({ role: "assistant" }));
    await new Promise((r) => setTimeout(r, behaviour.firstDelayMs));
    for (const [i, token] of behaviour.tokens.entries()) {
      if (i > 0) await new Promise((r) => setTimeout(r, behaviour.delayMs));
      if (res.destroyed) return;
      res.write(chunk({ content: token }));
    }
    res.write(chunk({}, "stop"));
    res.end("data: [DONE]\n\n");
    finished = Date.now();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    behave: (b) => {
      behaviour = { tokens: b.tokens ?? ["Hello"], delayMs: b.delayMs ?? 0, firstDelayMs: b.firstDelayMs ?? 0, status: b.status ?? 200 };
      finished = null;
    },
    lastRequest: () => last,
    finishedAt: () => finished,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
