// "Test connection" in Settings → Model. The web process only queues a `model_test` job
// (requestModelTest); the worker — where outbound calls run — sends one short prompt to the
// model in force (testModelConnection) and the job stores what came back: the reply and how
// long it took, or what went wrong in plain words. A failure is a result, not a job error, so
// it is shown as it is and never retried.
import type { Db } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { append } from "../audit";
import { enqueue } from "../jobs/enqueue";
import { truncate } from "../text/truncate";
import { describeModelError } from "./describe-error";
import { modelClient } from "./client";
import { redactKeys } from "./secret-box";
import { modelSettings } from "./settings";

export const TEST_PROMPT = "Reply with a short greeting of at most five words.";

export type ModelTestResult = {
  ok: boolean;
  source: "database" | "environment";
  base_url: string | null;
  model: string;
  /** The model's reply (at most 500 characters) when ok. */
  reply?: string;
  /** From sending the prompt to the end of the reply (or the failure). */
  latency_ms?: number;
  /** From sending the prompt to the first text. */
  first_token_ms?: number;
  /** What went wrong, in plain words, and the technical detail. */
  error?: string;
  detail?: string;
};

export async function requestModelTest(o: { user: { id: number; username: string } }) {
  return writeTransaction(async (tx) => {
    const job = await enqueue({ tx, kind: "model_test", description: `model connection test requested by ${o.user.username}`, priority: 20, maxAttempts: 1, createdById: o.user.id });
    await append({ tx, actor: o.user.username, action: "settings.model.test", resource: "settings:model", subsystem: "settings", payload: { job_id: job.id }, result: "success" });
    return job;
  });
}

export async function testModelConnection(o: { db: Db; signal?: AbortSignal }): Promise<ModelTestResult> {
  const s = await modelSettings({ db: o.db });
  const base = { source: s.source, base_url: s.baseUrl ?? null, model: s.model };
  if (!s.baseUrl) return { ...base, ok: false, error: "No model is set: the built-in engine answers. Enter an endpoint and save first." };
  if (s.keyUnreadable) return { ...base, ok: false, error: "The saved API key cannot be decrypted (Grace's secret changed): enter the key again and save." };
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new Error(`the model took longer than ${s.timeoutMs} ms`)), s.timeoutMs);
  const stop = () => abort.abort(new Error("the test was stopped"));
  o.signal?.addEventListener("abort", stop, { once: true });
  const started = performance.now();
  let firstTokenMs: number | undefined;
  let reply = "";
  try {
    const stream = await modelClient(s).chat.completions.create({ model: s.model, stream: true, max_tokens: 40, messages: [{ role: "user", content: TEST_PROMPT }] }, { signal: abort.signal });
    for await (const chunk of stream) {
      const token = chunk.choices[0]?.delta?.content;
      if (!token) continue;
      firstTokenMs ??= Math.round(performance.now() - started);
      reply += token;
      if (reply.length > 2000) break;
    }
    if (abort.signal.aborted) throw abort.signal.reason;
    if (!reply.trim()) throw new Error("the model returned an empty answer");
    return { ...base, ok: true, reply: truncate(reply.trim(), 500), latency_ms: Math.round(performance.now() - started), first_token_ms: firstTokenMs };
  } catch (error) {
    const cause = abort.signal.aborted ? abort.signal.reason : error;
    const { error: said, detail } = describeModelError(cause, { baseUrl: s.baseUrl, timeoutMs: s.timeoutMs });
    return { ...base, ok: false, latency_ms: Math.round(performance.now() - started), error: said, detail: redactKeys(detail, s.apiKey) };
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener("abort", stop);
  }
}
