"use client";

import { useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { ProgressBar } from "@/components/ui/progress-bar";
import { RunStatusBadge, formatDuration } from "./run-status";
import type { LimitsInfo, RunResult } from "./types";
import type { RunView } from "./use-run";

function Output({ name, text, truncated, limitKb }: { name: "stdout" | "stderr"; text: string; truncated: boolean; limitKb: number | undefined }) {
  const err = name === "stderr";
  // Live output keeps its newest line in view, unless the reader scrolled up to read.
  const box = useRef<HTMLPreElement>(null);
  const following = useRef(true);
  useEffect(() => {
    if (following.current && box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [text]);
  return (
    <section aria-label={name === "stdout" ? "Standard output" : "Standard error"} className={`rounded-md ring-1 ${err ? "bg-red-50/60 ring-red-200" : "bg-slate-50 ring-slate-200"}`}>
      <h3 className={`border-b px-3 py-1 text-xs font-semibold tracking-wide uppercase ${err ? "border-red-200 text-red-800" : "border-slate-200 text-slate-600"}`}>{name}</h3>
      <pre
        ref={box}
        tabIndex={0}
        onScroll={(e) => {
          const el = e.currentTarget;
          following.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
        }}
        className={`max-h-72 overflow-auto px-3 py-2 font-mono text-sm break-words whitespace-pre-wrap ${err ? "text-red-800" : "text-slate-900"}`}>{text}</pre>
      {truncated && <p className="border-t border-slate-200 px-3 py-1 text-xs text-slate-600">Output past {limitKb ?? "the"} KB limit was dropped.</p>}
    </section>
  );
}

type ConsoleProps = {
  view: RunView;
  stdin: string;
  onStdin: (v: string) => void;
  keepFiles: boolean;
  onKeepFiles: (v: boolean) => void;
  limits: LimitsInfo | undefined;
};

/** The console: stdin and whether to keep written files for the next run, then the current (or picked) run's output and outcome. */
export function RunConsole({ view, stdin, onStdin, keepFiles, onKeepFiles, limits }: ConsoleProps) {
  const { result } = view;
  const busy = view.phase === "starting" || view.phase === "running";
  return (
    <section aria-labelledby="ide-console" className="flex min-w-0 flex-col gap-3 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
      <h2 id="ide-console" className="text-base font-semibold">
        Console
      </h2>
      <label htmlFor="ide-stdin" className="block">
        <span className="mb-1 block text-sm font-medium text-slate-700">Input (stdin)</span>
        <textarea
          id="ide-stdin"
          value={stdin}
          onChange={(e) => onStdin(e.target.value)}
          rows={2}
          placeholder="What the program reads from standard input"
          className="block w-full resize-y rounded-md px-3 py-2 font-mono text-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-indigo-600 focus:outline-none"
        />
      </label>
      <label className="flex min-h-10 items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" checked={keepFiles} onChange={(e) => onKeepFiles(e.target.checked)} className="size-4 accent-indigo-600" />
        Keep the files the program writes (they join your files)
      </label>
      <div aria-live="polite" className="space-y-3">
        {view.phase === "idle" && <p className="text-sm text-slate-600">Run a file to see its output here (Ctrl+Enter or ⌘+Enter).</p>}
        {busy && <ProgressBar value={null} label={view.stopping ? "Stopping the run" : `Running ${view.fileName ?? "the program"}`} />}
        {busy && <p className="text-sm text-slate-600">{view.phase === "starting" ? "Starting…" : view.stopping ? "Stopping…" : `Running ${view.fileName}…`}</p>}
        {view.error && <Alert>{view.error}</Alert>}
        {result && (
          <dl className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
            <div className="flex items-center gap-1.5">
              <dt className="text-slate-600">Status</dt>
              <dd>
                <RunStatusBadge status={result.status} />
              </dd>
            </div>
            <div className="flex gap-1.5">
              <dt className="text-slate-600">Exit code</dt>
              <dd className="font-mono">{result.exit_code ?? "—"}</dd>
            </div>
            <div className="flex gap-1.5">
              <dt className="text-slate-600">Duration</dt>
              <dd>{formatDuration(result.duration_ms)}</dd>
            </div>
            {result.file_name && (
              <div className="flex gap-1.5">
                <dt className="text-slate-600">File</dt>
                <dd className="font-mono break-all">{result.file_name}</dd>
              </div>
            )}
            {result.security_alerts > 0 && (
              <div className="flex gap-1.5 text-amber-800">
                <dt>Security alerts</dt>
                <dd>{result.security_alerts}</dd>
              </div>
            )}
          </dl>
        )}
        {result?.message && <p className="text-sm text-slate-700">{result.message}</p>}
        {(view.stdout || result) && <Output name="stdout" text={view.stdout || "(no output)"} truncated={!!result?.stdout_truncated} limitKb={result?.limits?.output_kb} />}
        {view.stderr && <Output name="stderr" text={view.stderr} truncated={!!result?.stderr_truncated} limitKb={result?.limits?.output_kb} />}
        {result && result.files_written.length > 0 && <WrittenFiles files={result.files_written} />}
      </div>
      {limits && <LimitsLine info={limits} />}
    </section>
  );
}

/** What the run wrote: kept (saved as from the editor), or why not; nothing kept when not asked. */
function WrittenFiles({ files }: { files: RunResult["files_written"] }) {
  const asked = files.some((f) => f.saved !== undefined);
  if (!asked) return <p className="text-sm text-slate-600">Files the run wrote (not kept): {files.map((f) => f.path).join(", ")}</p>;
  return (
    <div className="text-sm text-slate-700">
      <h3 className="font-medium">Files the run wrote</h3>
      <ul className="mt-1 space-y-0.5">
        {files.map((f) => (
          <li key={f.path}>
            <span className="font-mono break-all">{f.path}</span> — {f.saved ? "kept" : <span className="text-amber-800">not kept: {f.not_saved}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

function LimitsLine({ info }: { info: LimitsInfo }) {
  const l = info.limits;
  return (
    <p className="border-t border-slate-100 pt-2 text-xs text-slate-600">
      <span className="font-medium text-slate-700">Limits per run:</span> CPU {l.cpu_seconds} s · wall {l.wall_seconds} s · memory {l.memory_mb} MB · {l.processes} processes · files {l.file_size_mb} MB · output {l.output_kb} KB per stream · no network.{" "}
      {info.isolation === "bwrap" ? "Isolated with bubblewrap." : "Isolation: process limits only (weaker than bubblewrap)."}
    </p>
  );
}
