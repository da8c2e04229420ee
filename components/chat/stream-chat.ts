// Reads POST /api/chat/stream: calls onToken for each piece of text, resolves with the final
// turn, rejects with the API's message on an error response or an error event. `signal` stops
// it (the Stop button): the server keeps what was said so far, marked interrupted.
export type Turn = { response: string; conversation_id: number; message_id: number; citations: { n: number; artifact_id: number; chunk_id: number | null; title: string; url: string | null; trust_score: number }[]; grounded: boolean; answer_status: "answered" | "partial" | "unknown"; engine: "builtin" | "llm"; fallback: boolean };

export async function streamChat(body: { message: string; conversation_id?: number }, onToken: (text: string) => void, signal?: AbortSignal): Promise<Turn> {
  const res = await fetch("/api/chat/stream", { method: "POST", headers: { "Content-Type": "application/json", Accept: "text/event-stream" }, body: JSON.stringify(body), signal });
  if (!res.ok || !res.body) {
    const problem = await res.json().catch(() => null);
    throw new Error(problem?.error?.message ?? `Request failed (${res.status})`);
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const name = /^event: (.+)$/m.exec(block)?.[1];
      const data = JSON.parse(/^data: (.+)$/m.exec(block)?.[1] ?? "null");
      if (name === "token") onToken(data.text);
      else if (name === "done") return data as Turn;
      else if (name === "error") throw new Error(data.message);
    }
  }
  throw new Error("The answer was cut off; try again.");
}
