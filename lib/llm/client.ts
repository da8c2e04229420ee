// The OpenAI client for the settings in force (lib/llm/settings.ts): no retries (a slow or
// failing model falls back at once), the timeout from GRACE_LLM_TIMEOUT_MS.
import OpenAI from "openai";
import type { ModelSettings } from "./settings";

export function modelClient(s: Pick<ModelSettings, "baseUrl" | "apiKey" | "timeoutMs">): OpenAI {
  // Servers without keys (Ollama, llama.cpp) ignore the header; the client insists on one.
  return new OpenAI({ baseURL: s.baseUrl, apiKey: s.apiKey || "not-needed", maxRetries: 0, timeout: s.timeoutMs });
}
