// An admin saves the model settings (Settings → Model, PUT /api/settings/model) or goes back to
// the environment's (DELETE). The key is stored only encrypted; the audit entry says what
// happened to it ("set", "kept", "removed", "none"), never what it is.
import { z } from "zod";
import type { Tx } from "../db/client";
import { append } from "../audit";
import { authSecret } from "../auth/secret";
import { bumpCacheVersion } from "../db/cache-version";
import { invalid } from "../errors";
import { decodeModelSetting, MODEL_SETTINGS_CACHE, settingsInForce } from "./settings";
import { seal } from "./secret-box";

function checkBaseUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "must be an http(s) URL such as http://127.0.0.1:11434/v1";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "must be an http(s) URL such as http://127.0.0.1:11434/v1";
  if (!url.hostname) return "has no host";
  // The URL is shown and audited: a secret has no place in it.
  if (url.username || url.password) return "must not hold a user name or password: put the key in api_key";
  if (url.search || url.hash) return "must not have a query string or fragment";
  return null;
}

function withoutTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === "/") end--;
  return url.slice(0, end);
}

export const modelSettingsSchema = z
  .object({
    /** The OpenAI-compatible API, e.g. http://127.0.0.1:11434/v1; null or "": no model, the built-in engine answers. */
    base_url: z
      .string()
      .max(2048, "is too long (at most 2048 characters)")
      .nullable()
      .superRefine((v, ctx) => {
        const problem = v ? checkBaseUrl(v) : null;
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      })
      .transform((v) => (v ? withoutTrailingSlashes(v) : null)),
    model: z.string().trim().max(200, "is too long (at most 200 characters)").default(""),
    /** Absent: keep the key in force; null: no key; a string: the new key. */
    api_key: z
      .string()
      .max(1000, "is too long (at most 1000 characters)")
      .regex(/^\S+$/, "must be the key alone, without spaces (null removes the key)")
      .nullable()
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.base_url && !v.model) ctx.addIssue({ code: "custom", path: ["model"], message: "is required with a base_url (e.g. llama3.1 or gpt-4o-mini)" });
  });

export type ModelSettingsInput = z.output<typeof modelSettingsSchema>;

const origin = (url: string | null | undefined) => (url ? new URL(url).origin : null);

export async function saveModelSettings(o: { tx: Tx; actor: { username: string }; input: ModelSettingsInput }) {
  const { tx, input } = o;
  // Read in the transaction, not from the cache: another process may have saved a moment ago.
  const current = settingsInForce(decodeModelSetting(await tx.modelSetting.findUnique({ where: { id: 1 } })));
  let apiKey: string | null;
  let keyChange: "set" | "kept" | "removed" | "none";
  if (!input.base_url) {
    // Nothing to send a key to.
    apiKey = null;
    keyChange = current.apiKey || current.keyUnreadable ? "removed" : "none";
  } else if (input.api_key === undefined) {
    // Keep the key in force (saved or from the environment) — but never hand it to another host.
    if (current.apiKey && origin(input.base_url) !== origin(current.baseUrl)) {
      throw invalid("api_key", `give the key again, or null for none: the endpoint moved from ${origin(current.baseUrl) ?? "none"} to ${origin(input.base_url)}, and the key in force is not sent to another host`);
    }
    apiKey = current.apiKey ?? null;
    keyChange = apiKey ? "kept" : "none";
  } else {
    apiKey = input.api_key;
    keyChange = apiKey ? "set" : current.apiKey || current.keyUnreadable ? "removed" : "none";
  }
  const data = { baseUrl: input.base_url, model: input.model || current.model, apiKeyCipher: apiKey ? seal({ plaintext: apiKey, secret: authSecret() }) : null, updatedBy: o.actor.username };
  await tx.modelSetting.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
  await append({
    tx,
    actor: o.actor.username,
    action: "settings.model.update",
    resource: "settings:model",
    subsystem: "settings",
    payload: { base_url: data.baseUrl, model: data.model, api_key: keyChange, before: { source: current.source, base_url: current.baseUrl ?? null, model: current.model } },
    result: "success",
  });
  await bumpCacheVersion({ tx, name: MODEL_SETTINGS_CACHE }); // every process reads the new settings
}

/** Forgets the saved settings: GRACE_LLM_* from the environment apply again. */
export async function resetModelSettings(o: { tx: Tx; actor: { username: string } }) {
  const { tx } = o;
  const { count } = await tx.modelSetting.deleteMany({ where: { id: 1 } });
  await append({ tx, actor: o.actor.username, action: "settings.model.reset", resource: "settings:model", subsystem: "settings", payload: { removed: count > 0 }, result: "success" });
  await bumpCacheVersion({ tx, name: MODEL_SETTINGS_CACHE });
}
