"use client";

import { useEffect, useRef, useState } from "react";
import useSWR from "swr";
import { fetchJson } from "@/components/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Time } from "@/components/ui/time";
import { ModelTest } from "./model-test";

export type ModelSettingsView = {
  source: "database" | "environment";
  engine: "model" | "builtin";
  base_url: string | null;
  model: string;
  api_key: { set: boolean; masked: string | null; unreadable: boolean };
  timeout_ms: number;
  environment: { base_url: string | null; model: string; api_key: { set: boolean; masked: string | null } };
  updated_by: string | null;
  updated_at: string | null;
};

const ENDPOINT = "/api/settings/model";
const LABELS: Record<string, string> = { base_url: "Endpoint URL", model: "Model", api_key: "API key" };

type FieldErrors = Record<string, string>;

/** PUT/DELETE with the API's field errors kept apart, so each is shown under its input. */
async function send(method: "PUT" | "DELETE", body?: unknown): Promise<{ ok: true; view: ModelSettingsView } | { ok: false; message: string; fields: FieldErrors }> {
  const res = await fetch(ENDPOINT, { method, headers: { Accept: "application/json", ...(body ? { "Content-Type": "application/json" } : {}) }, body: body ? JSON.stringify(body) : undefined });
  const json = await res.json().catch(() => null);
  if (res.ok) return { ok: true, view: json as ModelSettingsView };
  const fields: FieldErrors = {};
  for (const f of (json?.error?.fields ?? []) as { field: string; message: string }[]) {
    const name = f.field.replace(/^body\.?/, "");
    if (name in LABELS) fields[name] = f.message;
  }
  return { ok: false, message: Object.keys(fields).length ? "Check the fields marked below." : (json?.error?.message ?? `Saving failed (${res.status})`), fields };
}

function InForce({ view }: { view: ModelSettingsView }) {
  const where = view.source === "database" ? "saved here" : "from the environment (GRACE_LLM_*)";
  return (
    <p data-testid="model-in-force" className="text-sm text-slate-700">
      {view.engine === "model" ? (
        <>
          Chat is answered by <strong className="font-medium text-slate-900">{view.model}</strong> at <code className="rounded bg-slate-100 px-1 wrap-anywhere">{view.base_url}</code>, {where}.
        </>
      ) : (
        <>Chat is answered by Grace&apos;s built-in engine: no model endpoint is set ({where}).</>
      )}{" "}
      {view.source === "database" && view.updated_at && (
        <span className="text-slate-500">
          Last changed by {view.updated_by} <Time value={view.updated_at} />.
        </span>
      )}
    </p>
  );
}

export function ModelSettings() {
  const { data, error, mutate } = useSWR<ModelSettingsView>(ENDPOINT, (u: string) => fetchJson<ModelSettingsView>(u));
  const [baseUrl, setBaseUrl] = useState("");
  const [model, setModel] = useState("");
  const [apiKey, setApiKey] = useState("");
  const [removeKey, setRemoveKey] = useState(false);
  const [fields, setFields] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const loaded = useRef<string | null>(null);

  // Fill the form from what is in force whenever the server's answer changes (first load, after saving).
  useEffect(() => {
    if (!data) return;
    const key = JSON.stringify([data.base_url, data.model, data.source, data.updated_at]);
    if (loaded.current === key) return;
    loaded.current = key;
    setBaseUrl(data.base_url ?? "");
    setModel(data.engine === "model" ? data.model : "");
    setApiKey("");
    setRemoveKey(false);
  }, [data]);

  if (error) return <Alert>{(error as Error).message}</Alert>;
  if (!data) return <p className="text-sm text-slate-500">Loading the model settings…</p>;

  const dirty = baseUrl.trim() !== (data.base_url ?? "") || model.trim() !== (data.engine === "model" ? data.model : "") || apiKey !== "" || removeKey;

  async function save(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setMessage(null);
    setFields({});
    const body: Record<string, unknown> = { base_url: baseUrl.trim() || null, model: model.trim() };
    if (apiKey.trim()) body.api_key = apiKey.trim();
    else if (removeKey) body.api_key = null;
    try {
      const result = await send("PUT", body);
      if (result.ok) {
        await mutate(result.view, { revalidate: false });
        setMessage({ tone: "success", text: result.view.engine === "model" ? "Saved. Chat uses this model from now on." : "Saved. Chat uses the built-in engine." });
      } else {
        setFields(result.fields);
        setMessage({ tone: "error", text: result.message });
      }
    } catch (e) {
      setMessage({ tone: "error", text: (e as Error).message });
    } finally {
      setPending(false);
    }
  }

  async function resetToEnvironment() {
    if (!window.confirm("Forget the settings saved here and use the environment's (GRACE_LLM_BASE_URL, GRACE_LLM_MODEL, GRACE_LLM_API_KEY)?")) return;
    setPending(true);
    setMessage(null);
    setFields({});
    const result = await send("DELETE").catch((e: Error) => ({ ok: false as const, message: e.message, fields: {} }));
    if (result.ok) {
      await mutate(result.view, { revalidate: false });
      setMessage({ tone: "success", text: "The environment's settings apply again." });
    } else setMessage({ tone: "error", text: result.message });
    setPending(false);
  }

  const fieldError = (name: string) =>
    fields[name] ? (
      <p id={`model-${name}-error`} className="mt-1 text-sm text-red-700">
        {LABELS[name]} {fields[name]}
      </p>
    ) : null;
  const invalidProps = (name: string) => (fields[name] ? { "aria-invalid": true, "aria-describedby": `model-${name}-error` } : {});
  const keyHint = data.api_key.unreadable
    ? "The saved key cannot be decrypted (Grace's secret changed): enter it again."
    : data.api_key.set
      ? `A key is set (${data.api_key.masked}). Leave this empty to keep it.`
      : "None set. Servers such as Ollama need none.";

  return (
    <div className="space-y-4">
      <div className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <InForce view={data} />
        <form onSubmit={save} className="mt-4 grid gap-4 md:grid-cols-2" noValidate aria-label="Model settings">
          <div className="md:col-span-2">
            <Input
              label="Endpoint URL (OpenAI-compatible)"
              id="model-base-url"
              name="base_url"
              type="url"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              placeholder="http://127.0.0.1:11434/v1"
              value={baseUrl}
              onChange={(e) => setBaseUrl(e.target.value)}
              maxLength={2048}
              {...invalidProps("base_url")}
            />
            {fieldError("base_url") ?? <p className="mt-1 text-sm text-slate-500">Usually ends in /v1. Leave it empty to answer with the built-in engine.</p>}
          </div>
          <div>
            <Input
              label="Model"
              id="model-name"
              name="model"
              autoComplete="off"
              spellCheck={false}
              placeholder="llama3.1"
              value={model}
              onChange={(e) => setModel(e.target.value)}
              maxLength={200}
              {...invalidProps("model")}
            />
            {fieldError("model")}
          </div>
          <div>
            <Input
              label="API key"
              id="model-api-key"
              name="api_key"
              type="password"
              autoComplete="new-password"
              spellCheck={false}
              placeholder={data.api_key.masked ?? ""}
              value={apiKey}
              onChange={(e) => {
                setApiKey(e.target.value);
                if (e.target.value) setRemoveKey(false);
              }}
              maxLength={1000}
              {...invalidProps("api_key")}
            />
            {fieldError("api_key") ?? (
              <p data-testid="model-key-hint" className="mt-1 text-sm text-slate-500">
                {keyHint}
              </p>
            )}
            {data.api_key.set && (
              <label className="mt-2 flex min-h-10 items-center gap-2 text-sm text-slate-700">
                <input type="checkbox" className="size-4 rounded border-slate-300" checked={removeKey} disabled={apiKey !== ""} onChange={(e) => setRemoveKey(e.target.checked)} />
                Remove the key
              </label>
            )}
          </div>
          <div className="flex flex-wrap items-center gap-3 md:col-span-2">
            <Button type="submit" disabled={pending || !dirty} className="min-h-10">
              {pending ? "Saving…" : "Save"}
            </Button>
            {data.source === "database" && (
              <Button type="button" variant="secondary" className="min-h-10" disabled={pending} onClick={() => void resetToEnvironment()}>
                Use the environment&apos;s settings
              </Button>
            )}
            <p className="text-sm text-slate-500">The key is stored encrypted and never shown again in full.</p>
          </div>
        </form>
        {message && (
          <div className="mt-4">
            <Alert tone={message.tone}>{message.text}</Alert>
          </div>
        )}
      </div>
      <ModelTest onStart={() => setMessage(null)} disabledReason={dirty ? "Save your changes first: the test uses the saved settings." : data.engine === "builtin" ? "Set an endpoint first: the built-in engine needs no test." : null} />
    </div>
  );
}
