// A failed model request in words an admin can act on ("nothing answered at 127.0.0.1:9"),
// with the technical part (status, error code) kept apart for a detail line. Never includes
// the key: the OpenAI client's messages do not carry it, and nothing here adds request headers.
import OpenAI from "openai";
import { truncate } from "../text/truncate";

export type ModelErrorView = { error: string; detail: string };

function causeCode(error: unknown): string | undefined {
  let e: unknown = error;
  for (let i = 0; i < 5 && e && typeof e === "object"; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^E[A-Z_]+$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export function describeModelError(error: unknown, o: { baseUrl: string; timeoutMs: number }): ModelErrorView {
  let host: string;
  try {
    host = new URL(o.baseUrl).host;
  } catch {
    host = o.baseUrl;
  }
  const raw = error instanceof Error ? error.message : String(error);
  const detail = truncate(raw, 300, "…");
  if (error instanceof OpenAI.APIConnectionTimeoutError || /took longer than/.test(raw)) {
    return { error: `The model did not answer within ${Math.round(o.timeoutMs / 1000)} seconds.`, detail };
  }
  if (error instanceof OpenAI.APIError && error.status !== undefined) {
    const s = error.status;
    const withStatus = (text: string) => ({ error: text, detail: `HTTP ${s}: ${detail}` });
    if (s === 401) return withStatus("The endpoint refused the API key: check the key.");
    if (s === 403) return withStatus("The endpoint does not allow this key to use that model.");
    if (s === 404) return withStatus("The endpoint or the model was not found: check the URL (it usually ends in /v1) and the model name.");
    if (s === 429) return withStatus("The endpoint is rate-limiting or out of quota: try again later.");
    if (s >= 500) return withStatus(`The endpoint at ${host} had an internal error.`);
    return withStatus(`The endpoint at ${host} refused the request.`);
  }
  const code = causeCode(error);
  const detailed = code ? `${code}: ${detail}` : detail;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return { error: `The address ${host} could not be found.`, detail: detailed };
  if (code === "ECONNREFUSED") return { error: `Nothing answered at ${host}: is the model server running, and is the port right?`, detail: detailed };
  if (code === "ECONNRESET" || code === "EPIPE") return { error: `The connection to ${host} was cut off.`, detail: detailed };
  if (code === "ETIMEDOUT" || code === "EHOSTUNREACH" || code === "ENETUNREACH") return { error: `${host} could not be reached from the server.`, detail: detailed };
  if (code?.startsWith("ERR_TLS") || /certificate/i.test(raw)) return { error: `The secure connection to ${host} failed (certificate).`, detail: detailed };
  if (/empty answer/.test(raw)) return { error: "The model answered with no text.", detail: detailed };
  return { error: `The model request to ${host} failed.`, detail: detailed };
}
