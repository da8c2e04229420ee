// What GET /api/settings/model shows an admin: the settings in force and where they come from,
// the environment's beside them, and of any key only its mask ("sk-…a1b2").
import { config } from "../config";
import type { Db } from "../db/client";
import { maskKey } from "./secret-box";
import { settingsInForce, storedModelSetting } from "./settings";

const keyView = (key: string | undefined, unreadable = false) => ({ set: Boolean(key) || unreadable, masked: key ? maskKey(key) : null, unreadable });

export async function describeModelSettings(o: { db?: Db } = {}) {
  const row = await storedModelSetting(o);
  const inForce = settingsInForce(row);
  return {
    source: inForce.source,
    /** Who answers chat: a model, or the built-in engine when no endpoint is set. */
    engine: inForce.baseUrl ? ("model" as const) : ("builtin" as const),
    base_url: inForce.baseUrl ?? null,
    model: inForce.model,
    api_key: keyView(inForce.apiKey, inForce.keyUnreadable),
    timeout_ms: inForce.timeoutMs,
    environment: { base_url: config.llm.baseUrl ?? null, model: config.llm.model, api_key: keyView(config.llm.apiKey) },
    updated_by: row?.updatedBy ?? null,
    updated_at: row?.updatedAt.toISOString() ?? null,
  };
}

export type ModelSettingsView = Awaited<ReturnType<typeof describeModelSettings>>;
