"use client";

import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import useSWR from "swr";
import { fetchJson } from "@/components/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { Marker } from "./code-editor";
import { EditorTabs } from "./editor-tabs";
import { FileTree } from "./file-tree";
import { IssuesPanel } from "./issues-panel";
import { HELLO_WORLD, RUN_LANGUAGES, editorLanguageFor, runLanguageFor } from "./languages";
import { RunConsole } from "./run-console";
import { RunHistory, useRunHistory } from "./run-history";
import type { CodeIssue, Diagnostic, FileContent, FileList, LimitsInfo, RunResult, Tab } from "./types";
import { useRun } from "./use-run";

// Monaco is a large chunk of its own, fetched only when this page renders an editor.
const CodeEditor = dynamic(() => import("./code-editor"), { ssr: false, loading: () => <p className="p-4 text-sm text-slate-600">Loading the editor…</p> });

const FILES_KEY = "/api/sandbox/files";
const ISSUES_KEY = "/api/issues/?status=pending";
const fileUrl = (path: string) => `/api/sandbox/file?file_path=${encodeURIComponent(path)}`;
const post = <T,>(url: string, body?: unknown) => fetchJson<T>(url, { method: "POST", body: body === undefined ? undefined : JSON.stringify(body) });
const message = (e: unknown) => (e as Error).message;

// The issues list answers a bare array (the earlier API's shape); a paged {items} is read too.
const fetchIssues = (url: string) => fetchJson<CodeIssue[] | { items: CodeIssue[] }>(url).then((b) => (Array.isArray(b) ? b : b.items));

const isMod = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && !e.altKey;

export function IdeWorkspace() {
  const files = useSWR<FileList>(FILES_KEY, (url: string) => fetchJson<FileList>(url));
  const limits = useSWR<LimitsInfo>("/api/sandbox/limits", (url: string) => fetchJson<LimitsInfo>(url));
  const issues = useSWR<CodeIssue[]>(ISSUES_KEY, fetchIssues);
  const history = useRunHistory();

  const [tabs, setTabs] = useState<Tab[]>([]);
  const [active, setActive] = useState<string | null>(null);
  const [stdin, setStdin] = useState("");
  const [keepFiles, setKeepFiles] = useState(false);
  // The diagnostics of each file's latest run (Hunter's findings), shown in its gutter.
  const [diagnostics, setDiagnostics] = useState<Record<string, Diagnostic[]>>({});
  const [applied, setApplied] = useState<CodeIssue[]>([]);
  const [issueWork, setIssueWork] = useState<number | null>(null);
  const [issueError, setIssueError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [reveal, setReveal] = useState<{ line: number; at: number } | null>(null);
  const [saving, setSaving] = useState(false);
  // What each file's latest run ran (the buffer, saved or not).
  const ran = useRef<Record<string, string>>({});

  const tab = tabs.find((t) => t.path === active) ?? null;
  const dirty = useMemo(() => new Set(tabs.filter((t) => t.content !== t.saved).map((t) => t.path)), [tabs]);

  const onRunDone = useCallback(
    (result: RunResult) => {
      if (result.file_name) setDiagnostics((d) => ({ ...d, [result.file_name!]: result.diagnostics ?? [] }));
      void issues.mutate();
      void history.mutate();
      // Kept files are the user's files now: the tree shows them.
      if (result.files_written.some((f) => f.saved)) void files.mutate();
    },
    [issues, history, files],
  );
  const run = useRun(onRunDone);

  const addTab = useCallback((path: string, content: string) => {
    setTabs((current) => {
      const existing = current.find((t) => t.path === path);
      if (existing) return current.map((t) => (t.path === path ? { ...t, content, saved: content, rev: t.rev + 1 } : t));
      return [...current, { path, content, saved: content, language: runLanguageFor(path), rev: 0 }];
    });
    setActive(path);
  }, []);

  /** Opens a file in a tab (or brings its tab forward), optionally at a line. */
  const openFile = useCallback(
    async (path: string, line?: number) => {
      setProblem(null);
      if (!tabs.some((t) => t.path === path)) {
        try {
          addTab(path, (await fetchJson<FileContent>(fileUrl(path))).content);
        } catch (e) {
          return setProblem(`Could not open ${path}: ${message(e)}`);
        }
      }
      setActive(path);
      if (line) setReveal({ line, at: Date.now() });
    },
    [tabs, addTab],
  );

  /** Reads a file again from the server into its tab (after a fix changed it there). */
  const reloadFile = useCallback(
    async (path: string) => {
      addTab(path, (await fetchJson<FileContent>(fileUrl(path))).content);
      setDiagnostics((d) => ({ ...d, [path]: [] }));
    },
    [addTab],
  );

  // The first visit opens main.py (or the first file), so there is code to read and run at once.
  const opened = useRef(false);
  useEffect(() => {
    const list = files.data?.files;
    if (opened.current || !list?.length) return;
    opened.current = true;
    void openFile((list.find((f) => f.path === "main.py") ?? list[0]).path);
  }, [files.data, openFile]);

  async function createFile(path: string, content = ""): Promise<string | null> {
    if (files.data?.files.some((f) => f.path === path)) return `${path} already exists.`;
    try {
      await post(`/api/sandbox/write`, { file_path: path, content });
    } catch (e) {
      return message(e);
    }
    await files.mutate();
    addTab(path, content);
    return null;
  }

  async function renameFile(path: string, newPath: string): Promise<string | null> {
    try {
      await post(`/api/sandbox/rename`, { file_path: path, new_path: newPath });
    } catch (e) {
      return message(e);
    }
    setTabs((current) =>
      current.map((t) => (t.path === path ? { ...t, path: newPath, language: t.language === runLanguageFor(path) ? runLanguageFor(newPath) : t.language } : t)),
    );
    setDiagnostics(({ [path]: moved, ...rest }) => (moved ? { ...rest, [newPath]: moved } : rest));
    if (active === path) setActive(newPath);
    await files.mutate();
    return null;
  }

  function closeTab(path: string, force = false) {
    const closing = tabs.find((t) => t.path === path);
    if (!force && closing && closing.content !== closing.saved && !window.confirm(`${path} has unsaved changes. Close it and lose them?`)) return;
    const rest = tabs.filter((t) => t.path !== path);
    setTabs(rest);
    if (active === path) setActive(rest[rest.length - 1]?.path ?? null);
  }

  async function deleteFile(path: string): Promise<string | null> {
    try {
      await post(`/api/sandbox/delete`, { file_path: path });
    } catch (e) {
      return message(e);
    }
    closeTab(path, true);
    await files.mutate();
    return null;
  }

  async function save() {
    if (!tab || saving) return;
    const { path, content } = tab;
    setSaving(true);
    setProblem(null);
    try {
      await post(`/api/sandbox/write`, { file_path: path, content });
      setTabs((current) => current.map((t) => (t.path === path ? { ...t, saved: content } : t)));
      setNotice(`Saved ${path}.`);
      void files.mutate();
    } catch (e) {
      setProblem(`Could not save ${path}: ${message(e)}`);
    } finally {
      setSaving(false);
    }
  }

  function startRun() {
    if (!tab || run.busy) return;
    if (!tab.language) return setProblem(`Pick the language to run ${tab.path} with.`);
    setProblem(null);
    setNotice(null);
    ran.current[tab.path] = tab.content;
    void run.start({ file_name: tab.path, language: tab.language, code: tab.content, stdin, save_files: keepFiles });
  }

  async function issueAction(issue: CodeIssue, work: () => Promise<void>) {
    setIssueWork(issue.id);
    setIssueError(null);
    try {
      await work();
    } catch (e) {
      setIssueError(message(e));
    } finally {
      setIssueWork(null);
      void issues.mutate();
    }
  }

  function applyFix(issue: CodeIssue) {
    const path = issue.file_path;
    const open = tabs.find((t) => t.path === path);
    // The fix is made to the program as it ran and saved as the file: edits since then would go.
    const edited = open && open.content !== open.saved && open.content !== ran.current[open.path];
    if (edited && !window.confirm(`${path} has changes made after the run this fix is for. Applying the fix replaces them with the fixed program. Apply it?`)) return;
    void issueAction(issue, async () => {
      const r = await post<{ status?: string; message?: string; result?: unknown }>(`/api/issues/${issue.id}/resolve?decision=apply`);
      if (r.status === "failed" || r.status === "error") throw new Error(r.message ?? (typeof r.result === "string" ? r.result : "The fix could not be applied."));
      setApplied((list) => [issue, ...list.filter((i) => i.id !== issue.id)]);
      if (path) await reloadFile(path);
    });
  }

  function undoFix(issue: CodeIssue) {
    void issueAction(issue, async () => {
      await post(`/api/issues/${issue.id}/undo`);
      setApplied((list) => list.filter((i) => i.id !== issue.id));
      if (issue.file_path) await reloadFile(issue.file_path);
    });
  }

  function dismiss(issue: CodeIssue) {
    void issueAction(issue, async () => {
      await post(`/api/issues/${issue.id}/resolve?decision=dismiss`);
    });
  }

  // Ctrl/Cmd+S saves and Ctrl/Cmd+Enter runs, wherever focus is on the page (the editor
  // included: this listener sees the key before Monaco does). Latest handlers through a ref.
  const keys = useRef({ save, startRun });
  useEffect(() => {
    keys.current = { save, startRun };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isMod(e)) return;
      if (e.key === "s" || e.key === "S") {
        e.preventDefault();
        e.stopPropagation();
        void keys.current.save();
      } else if (e.key === "Enter") {
        e.preventDefault();
        e.stopPropagation();
        keys.current.startRun();
      }
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, []);

  // Leaving the page with unsaved changes asks first.
  useEffect(() => {
    if (!dirty.size) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty.size]);

  const markers: Marker[] = useMemo(() => {
    if (!active) return [];
    const fromIssues: Marker[] = (issues.data ?? [])
      .filter((i) => i.file_path === active && i.line)
      .map((i) => ({ line: i.line!, column: 1, severity: "error", message: i.suggested_fix ? `${i.summary}\nSuggested fix: ${i.suggested_fix}` : i.summary, source: "grace" }));
    const found: Marker[] = (diagnostics[active] ?? []).map((d) => ({ ...d, message: `${d.message} [${d.rule}]` }));
    return [...found, ...fromIssues];
  }, [active, diagnostics, issues.data]);

  const fileList = files.data?.files;
  const languages = limits.data?.languages ?? [...RUN_LANGUAGES];

  return (
    <div className="grid gap-4 lg:grid-cols-[14rem_minmax(0,1fr)]">
      <div className="order-4 flex min-w-0 flex-col gap-4 lg:order-1 lg:row-span-2">
        {files.error && <Alert>{message(files.error)}</Alert>}
        {fileList && <FileTree files={fileList} active={active} dirty={dirty} onOpen={(p) => void openFile(p)} onCreate={createFile} onRename={renameFile} onDelete={deleteFile} />}
        <RunHistory list={history} selected={run.view.phase === "done" ? run.view.runId : null} onShow={run.show} />
      </div>

      <section aria-label="Editor" className="order-1 flex min-w-0 flex-col overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200 lg:order-2">
        {tabs.length > 0 && <EditorTabs tabs={tabs} active={active} onSelect={setActive} onClose={(p) => closeTab(p)} />}
        {tab && (
          <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2">
            <label className="flex items-center gap-2 text-sm text-slate-700">
              Language
              <select
                value={tab.language ?? ""}
                onChange={(e) => setTabs((current) => current.map((t) => (t.path === tab.path ? { ...t, language: e.target.value || null } : t)))}
                className="rounded-md py-1 text-sm ring-1 ring-slate-300"
              >
                {!tab.language && <option value="">choose…</option>}
                {languages.map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
              </select>
            </label>
            <p role="status" className="min-w-0 flex-1 truncate text-sm text-slate-600">
              {saving ? "Saving…" : dirty.has(tab.path) ? "Unsaved changes" : notice}
            </p>
            <Button variant="secondary" onClick={() => void save()} disabled={saving || !dirty.has(tab.path)} aria-keyshortcuts="Control+S Meta+S" title="Save (Ctrl+S / ⌘S)">
              Save
            </Button>
            {run.busy ? (
              <Button variant="danger" onClick={() => void run.stop()} disabled={run.view.phase !== "running" || run.view.stopping}>
                {run.view.stopping ? "Stopping…" : "Stop"}
              </Button>
            ) : (
              <Button onClick={startRun} aria-keyshortcuts="Control+Enter Meta+Enter" title="Run (Ctrl+Enter / ⌘Enter)">
                Run
              </Button>
            )}
          </div>
        )}
        {problem && (
          <div className="px-3 pt-2">
            <Alert>{problem}</Alert>
          </div>
        )}
        {tab ? (
          <>
            <div className="h-[50vh] min-h-64 lg:h-[45vh]">
              <CodeEditor
                path={tab.path}
                value={tab.content}
                rev={tab.rev}
                language={editorLanguageFor(tab.path, tab.language)}
                markers={markers}
                openPaths={tabs.map((t) => t.path)}
                reveal={reveal}
                onChange={(content) => setTabs((current) => current.map((t) => (t.path === tab.path ? { ...t, content } : t)))}
              />
            </div>
            <p className="hidden border-t border-slate-200 px-3 py-1.5 text-xs text-slate-600 sm:block">
              <kbd>Ctrl</kbd>/<kbd>⌘</kbd>+<kbd>S</kbd> saves · <kbd>Ctrl</kbd>/<kbd>⌘</kbd>+<kbd>Enter</kbd> runs · Tab indents; <kbd>Ctrl</kbd>+<kbd>M</kbd> (<kbd>⌃</kbd>+<kbd>⇧</kbd>+<kbd>M</kbd> on a Mac) makes Tab
              move the focus instead
            </p>
            {markers.length > 0 && (
              <ul aria-label={`Problems in ${tab.path}`} className="max-h-32 space-y-0.5 overflow-y-auto border-t border-slate-200 px-3 py-2 text-sm">
                {markers.map((m, i) => (
                  <li key={i}>
                    <button type="button" onClick={() => setReveal({ line: m.line, at: Date.now() })} className="flex w-full gap-2 rounded px-1 text-left hover:bg-slate-50">
                      <span className={`shrink-0 font-medium ${m.severity === "error" ? "text-red-700" : m.severity === "warning" ? "text-amber-800" : "text-sky-800"}`}>Line {m.line}</span>
                      <span className="min-w-0 truncate text-slate-700">{m.message.split("\n")[0]}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : fileList?.length === 0 ? (
          <div className="p-4">
            <EmptyState title="No files yet">
              <p>Create a file to start, or begin with a small Python program.</p>
              <Button className="mt-4" onClick={() => void createFile("main.py", HELLO_WORLD).then((error) => error && setProblem(error))}>
                Create main.py
              </Button>
            </EmptyState>
          </div>
        ) : (
          <p className="p-6 text-sm text-slate-600">{fileList ? "Open a file from the list to edit and run it." : "Loading your files…"}</p>
        )}
      </section>

      <div className="order-3 grid min-w-0 items-start gap-4 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <RunConsole view={run.view} stdin={stdin} onStdin={setStdin} keepFiles={keepFiles} onKeepFiles={setKeepFiles} limits={limits.data} />
        <IssuesPanel
          issues={issues.error ? [] : issues.data}
          applied={applied}
          working={issueWork}
          error={issueError ?? (issues.error ? message(issues.error) : null)}
          onApply={applyFix}
          onUndo={undoFix}
          onDismiss={dismiss}
          onShow={(path, line) => void openFile(path, line)}
        />
      </div>
    </div>
  );
}
