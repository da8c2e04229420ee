"use client";

import { useRef, useState } from "react";
import { ProgressBar } from "@/components/ui/progress-bar";
import { useRefreshKnowledge } from "./knowledge-keys";

type Upload = { name: string; progress: number; state: "uploading" | "done" | "duplicate" | "failed"; message?: string };

const ACCEPT = ".txt,.md,.markdown,.csv,.json,.html,.htm,.pdf,.js,.mjs,.ts,.tsx,.jsx,.py,.go,.rs,.java,.kt,.swift,.c,.h,.cpp,.hpp,.cs,.rb,.php,.sh,.sql,.yaml,.yml,.toml,.css,.scss";

// XMLHttpRequest rather than fetch: it reports upload progress.
function send(file: File, onProgress: (pct: number) => void): Promise<{ status: number; body: { status?: string; error?: { message: string } } }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/ingest/file");
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress((e.loaded / e.total) * 100);
    xhr.onload = () => resolve({ status: xhr.status, body: JSON.parse(xhr.responseText || "{}") });
    xhr.onerror = () => reject(new Error("The upload failed: network error"));
    const form = new FormData();
    form.set("file", file);
    xhr.send(form);
  });
}

export function FileUpload() {
  const refresh = useRefreshKnowledge();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function uploadAll(files: FileList | File[]) {
    for (const file of Array.from(files)) {
      const update = (patch: Partial<Upload>) => setUploads((all) => all.map((u) => (u.name === file.name && u.state === "uploading" ? { ...u, ...patch } : u)));
      setUploads((all) => [{ name: file.name, progress: 0, state: "uploading" }, ...all.filter((u) => u.name !== file.name)]);
      try {
        const { status, body } = await send(file, (progress) => update({ progress }));
        if (status === 201) update({ state: "done", progress: 100 });
        else if (status === 200 && body.status === "duplicate") update({ state: "duplicate", progress: 100, message: "already known; nothing new stored" });
        else update({ state: "failed", message: body.error?.message ?? `failed (${status})` });
      } catch (e) {
        update({ state: "failed", message: (e as Error).message });
      }
    }
    await refresh();
  }

  return (
    <section aria-labelledby="upload-files" className="space-y-3">
      <h2 id="upload-files" className="text-lg font-semibold">Upload files</h2>
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void uploadAll(e.dataTransfer.files);
        }}
        className={`rounded-lg border-2 border-dashed p-6 text-center text-sm ${dragging ? "border-indigo-400 bg-indigo-50" : "border-slate-300 bg-white"}`}
      >
        <p className="text-slate-600">Drop files here, or</p>
        <button type="button" onClick={() => input.current?.click()} className="mt-2 font-medium text-indigo-600 hover:text-indigo-500">
          choose files
        </button>
        <p className="mt-1 text-xs text-slate-500">Text, Markdown, CSV, JSON, HTML, PDF or source code, up to 10 MB each</p>
        <input
          ref={input}
          type="file"
          multiple
          accept={ACCEPT}
          aria-label="Files to upload"
          className="sr-only"
          onChange={(e) => {
            if (e.target.files) void uploadAll(e.target.files);
            e.target.value = "";
          }}
        />
      </div>
      <ul className="space-y-2" aria-label="Uploads">
        {uploads.map((u) => (
          <li key={u.name} className="rounded-md bg-white p-3 text-sm shadow-sm ring-1 ring-slate-200">
            <div className="mb-1 flex justify-between gap-2">
              <span className="truncate font-medium">{u.name}</span>
              <span className={u.state === "failed" ? "text-red-700" : "text-slate-500"}>{u.state === "uploading" ? `${Math.round(u.progress)}%` : u.state}</span>
            </div>
            <ProgressBar value={u.progress} label={`Upload of ${u.name}`} tone={u.state === "failed" ? "red" : u.state === "uploading" ? "indigo" : "emerald"} />
            {u.message && <p className={`mt-1 text-xs ${u.state === "failed" ? "text-red-700" : "text-slate-500"}`}>{u.message}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
