// Which OpenAI-compatible model answers, if any: the one an admin set in Settings → Model (the
// ModelSetting row) when there is one, else GRACE_LLM_BASE_URL / _MODEL / _API_KEY from
// lib/config.ts. The row wins as a whole — endpoint, model and key together — so a key given
// for one endpoint is never sent to another. The chat engine and the connection test read it
// here and nowhere else.
//
// Each process keeps the row (its key decrypted) and re-reads it only when the `model-settings`
// cache version moves: saving bumps it in the same transaction, so every web and worker process
// follows within a second (lib/db/cache-version.ts), the saving one at once.
import { authSecret } from "../auth/secret";
import { config } from "../config";
import { db as defaultDb, type Db } from "../db/client";
import { readCacheVersion } from "../db/cache-version";
import { open } from "./secret-box";

export const MODEL_SETTINGS_CACHE = "model-settings";

export type ModelSettings = {
  /** Where these came from: the Settings row, or the environment. */
  source: "database" | "environment";
  /** Unset: no model; the built-in engine answers. */
  baseUrl: string | undefined;
  model: string;
  apiKey: string | undefined;
  timeoutMs: number;
  /** A key is stored but cannot be decrypted (Grace's secret changed): it must be entered again. */
  keyUnreadable: boolean;
};

export type StoredModelSetting = { baseUrl: string | null; model: string; apiKey: string | undefined; keyUnreadable: boolean; updatedBy: string; updatedAt: Date };

let cached: { version: number; row: StoredModelSetting | null } | undefined;

type Row = { baseUrl: string | null; model: string; apiKeyCipher: string | null; updatedBy: string; updatedAt: Date };

/** A row as stored, its key decrypted (or marked unreadable). */
export function decodeModelSetting(row: Row | null): StoredModelSetting | null {
  if (!row) return null;
  let apiKey: string | undefined;
  let keyUnreadable = false;
  if (row.apiKeyCipher) {
    try {
      apiKey = open({ sealed: row.apiKeyCipher, secret: authSecret() });
    } catch (error) {
      keyUnreadable = true;
      // Never the key or its ciphertext: only that it cannot be used.
      console.warn(`[llm] the model API key saved in Settings cannot be used (${(error as Error).message}); enter it again in Settings → Model`);
    }
  }
  return { baseUrl: row.baseUrl, model: row.model, apiKey, keyUnreadable, updatedBy: row.updatedBy, updatedAt: row.updatedAt };
}

/** The admin's row with its key decrypted, or null when none is saved (cached per version). */
export async function storedModelSetting(o: { db?: Db } = {}): Promise<StoredModelSetting | null> {
  const db = o.db ?? defaultDb;
  const version = await readCacheVersion(MODEL_SETTINGS_CACHE, { db });
  if (cached?.version === version) return cached.row;
  const row = decodeModelSetting(await db.modelSetting.findUnique({ where: { id: 1 } }));
  cached = { version, row };
  return row;
}

/** The settings in force given the saved row (or none): the row when there is one, else the environment's. */
export function settingsInForce(row: StoredModelSetting | null): ModelSettings {
  const timeoutMs = config.llm.timeoutMs;
  if (row) return { source: "database", baseUrl: row.baseUrl ?? undefined, model: row.model, apiKey: row.apiKey, timeoutMs, keyUnreadable: row.keyUnreadable };
  return { source: "environment", baseUrl: config.llm.baseUrl, model: config.llm.model, apiKey: config.llm.apiKey, timeoutMs, keyUnreadable: false };
}

/** The settings in force: the Settings row when one is saved, else the environment's. */
export async function modelSettings(o: { db?: Db } = {}): Promise<ModelSettings> {
  return settingsInForce(await storedModelSetting(o));
}

/** Drops this process's copy (tests; other processes follow the version row). */
export function forgetModelSettings() {
  cached = undefined;
}
