// A local OpenAI-compatible chat-completions server for tests: streams the tokens it is told
// to, with a pause between them, or fails. Never the network.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

type Behaviour = {
  tokens: string[];
  delayMs: number;
  firstDelayMs: number;
  status: number;
  /** Send this many tokens, then say nothing more until the client goes away. */
  stallAfter?: number;
};

export type FakeLlm = {
  url: string;
  /** What to do with the next requests. */
  behave: (b: Partial<Behaviour>) => void;
  lastRequest: () => { model: string; messages: { role: string; content: string }[] } | null;
  /** The Authorization header of the last request (which API key reached the server). */
  lastAuthorization: () => string | null;
  /** Chat-completion requests received so far. */
  requests: () => number;
  finishedAt: () => number | null;
  /** Requests the client closed before the answer was complete. */
  closedEarly: () => number;
  /** Tokens written to the last request before it ended, however it ended. */
  sentTokens: () => string[];
  close: () => Promise<void>;
};

export async function startFakeLlm(): Promise<FakeLlm> {
  let behaviour: Behaviour = { tokens: ["Hello"], delayMs: 0, firstDelayMs: 0, status: 200 };
  let last: ReturnType<FakeLlm["lastRequest"]> = null;
  let lastAuthorization: string | null = null;
  let requests = 0;
  let finished: number | null = null;
  let closedEarly = 0;
  let sent: string[] = [];
  const server: Server = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
      res.writeHead(404).end();
      return;
    }
    last = JSON.parse(body);
    lastAuthorization = req.headers.authorization ?? null;
    requests++;
    if (behaviour.status !== 200) {
      res.writeHead(behaviour.status, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "the fake model is down" } }));
      return;
    }
    const b = behaviour;
    sent = [];
    const gone = new Promise<void>((resolve) =>
      res.on("close", () => {
        if (!res.writableFinished) closedEarly++;
        resolve();
      }),
    );
    res.writeHead(200, { "content-type": "text/event-stream" });
    const chunk = (delta: object, finish: string | null = null) =>
      `data: ${JSON.stringify({ id: "fake", object: "chat.completion.chunk", created: 0, model: "fake", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
    res.write(chunk({ role: "assistant" }));
    await new Promise((r) => setTimeout(r, b.firstDelayMs));
    for (const [i, token] of b.tokens.entries()) {
      if (i === b.stallAfter) return gone;
      if (i > 0) await new Promise((r) => setTimeout(r, b.delayMs));
      if (res.destroyed) return;
      res.write(chunk({ content: token }));
      sent.push(token);
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
      behaviour = { tokens: b.tokens ?? ["Hello"], delayMs: b.delayMs ?? 0, firstDelayMs: b.firstDelayMs ?? 0, status: b.status ?? 200, stallAfter: b.stallAfter };
      finished = null;
    },
    lastRequest: () => last,
    lastAuthorization: () => lastAuthorization,
    requests: () => requests,
    finishedAt: () => finished,
    closedEarly: () => closedEarly,
    sentTokens: () => [...sent],
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
