"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { SandboxFile } from "./types";

type Folder = { name: string; path: string; folders: Folder[]; files: SandboxFile[] };

/** Paths ("src/util.py") as nested folders, each folder before the files beside it. */
function toTree(files: SandboxFile[]): Folder {
  const root: Folder = { name: "", path: "", folders: [], files: [] };
  for (const file of files) {
    const parts = file.path.split("/");
    let folder = root;
    for (const name of parts.slice(0, -1)) {
      const path = folder.path ? `${folder.path}/${name}` : name;
      let next = folder.folders.find((f) => f.name === name);
      if (!next) folder.folders.push((next = { name, path, folders: [], files: [] }));
      folder = next;
    }
    folder.files.push(file);
  }
  return root;
}

type Props = {
  files: SandboxFile[];
  active: string | null;
  dirty: Set<string>;
  onOpen: (path: string) => void;
  /** Each resolves to an error message, or null when it worked. */
  onCreate: (path: string) => Promise<string | null>;
  onRename: (path: string, newPath: string) => Promise<string | null>;
  onDelete: (path: string) => Promise<string | null>;
};

const inputClass = "block w-full min-w-0 rounded-md px-2 py-1.5 font-mono text-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-indigo-600 focus:outline-none";

/** The user's files: open one, create, rename, delete (after a confirmation). */
export function FileTree({ files, active, dirty, onOpen, onCreate, onRename, onDelete }: Props) {
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function act(work: () => Promise<string | null>, after: () => void) {
    setBusy(true);
    setProblem(null);
    const error = await work();
    setBusy(false);
    if (error) setProblem(error);
    else after();
  }

  function renderFile(file: SandboxFile, depth: number) {
    const pad = { paddingLeft: `${depth * 0.75}rem` };
    if (renaming === file.path) {
      return (
        <li key={file.path} style={pad}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const next = String(new FormData(e.currentTarget).get("path") ?? "").trim();
              void act(() => (next === file.path ? Promise.resolve(null) : onRename(file.path, next)), () => setRenaming(null));
            }}
            className="space-y-1 py-1"
          >
            <label htmlFor="ide-rename" className="sr-only">
              New path for {file.path}
            </label>
            <input id="ide-rename" name="path" defaultValue={file.path} required autoFocus className={inputClass} onKeyDown={(e) => e.key === "Escape" && setRenaming(null)} />
            <div className="flex gap-1">
              <Button type="submit" className="px-2 py-1" disabled={busy}>
                Rename
              </Button>
              <Button type="button" variant="secondary" className="px-2 py-1" onClick={() => setRenaming(null)}>
                Cancel
              </Button>
            </div>
          </form>
        </li>
      );
    }
    if (deleting === file.path) {
      return (
        <li key={file.path} style={pad} className="space-y-1 rounded-md bg-red-50 p-2">
          <p className="text-sm break-words text-red-800">
            Delete <span className="font-mono">{file.path}</span>? This cannot be undone.
          </p>
          <div className="flex gap-1">
            <Button variant="danger" className="px-2 py-1" disabled={busy} autoFocus onClick={() => void act(() => onDelete(file.path), () => setDeleting(null))}>
              Delete
            </Button>
            <Button variant="secondary" className="px-2 py-1" onClick={() => setDeleting(null)}>
              Cancel
            </Button>
          </div>
        </li>
      );
    }
    const isActive = active === file.path;
    return (
      <li key={file.path} className="group flex items-center gap-0.5">
        <button
          type="button"
          onClick={() => onOpen(file.path)}
          aria-current={isActive ? "true" : undefined}
          title={file.path}
          style={pad}
          className={`flex min-h-10 min-w-0 flex-1 items-center gap-1 rounded-md pr-2 text-left font-mono text-sm md:min-h-8 ${isActive ? "bg-indigo-50 text-indigo-800" : "text-slate-800 hover:bg-slate-100"}`}
        >
          <span className="truncate pl-2">{file.name}</span>
          {dirty.has(file.path) && (
            <>
              <span aria-hidden className="text-indigo-600" title="Unsaved changes">
                ●
              </span>
              <span className="sr-only"> (unsaved changes)</span>
            </>
          )}
        </button>
        <button type="button" aria-label={`Rename ${file.path}`} title="Rename" onClick={() => (setProblem(null), setDeleting(null), setRenaming(file.path))} className="rounded-md p-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900">
          <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
            <path d="M13.5 3.5l3 3L7 16H4v-3z" />
          </svg>
        </button>
        <button type="button" aria-label={`Delete ${file.path}`} title="Delete" onClick={() => (setProblem(null), setRenaming(null), setDeleting(file.path))} className="rounded-md p-1 text-slate-600 hover:bg-red-50 hover:text-red-700">
          <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
            <path d="M4 6h12M8 6V4h4v2M6 6l1 10h6l1-10" />
          </svg>
        </button>
      </li>
    );
  }

  function renderFolder(folder: Folder, depth: number): React.ReactNode[] {
    return [
      ...folder.folders.map((f) => (
        <li key={`dir:${f.path}`}>
          <p className="py-1 font-mono text-sm text-slate-600" style={{ paddingLeft: `${depth * 0.75 + 0.5}rem` }}>
            {f.name}/
          </p>
          <ul aria-label={`Folder ${f.path}`}>{renderFolder(f, depth + 1)}</ul>
        </li>
      )),
      ...folder.files.map((file) => renderFile(file, depth)),
    ];
  }

  return (
    <section aria-labelledby="ide-files" className="space-y-2 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
      <div className="flex items-center justify-between gap-2">
        <h2 id="ide-files" className="text-base font-semibold">
          Files
        </h2>
        {!creating && (
          <Button variant="secondary" className="px-2 py-1" onClick={() => (setProblem(null), setCreating(true))}>
            New file
          </Button>
        )}
      </div>
      {creating && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const form = e.currentTarget;
            const path = String(new FormData(form).get("path") ?? "").trim();
            void act(() => onCreate(path), () => setCreating(false));
          }}
          className="space-y-1"
        >
          <label htmlFor="ide-new-file" className="block text-sm font-medium text-slate-700">
            File name
          </label>
          <input id="ide-new-file" name="path" required autoFocus placeholder="main.py" className={inputClass} onKeyDown={(e) => e.key === "Escape" && setCreating(false)} />
          <div className="flex gap-1">
            <Button type="submit" className="px-2 py-1" disabled={busy}>
              Create
            </Button>
            <Button type="button" variant="secondary" className="px-2 py-1" onClick={() => setCreating(false)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
      {problem && (
        <p role="alert" className="text-sm break-words text-red-700">
          {problem}
        </p>
      )}
      <ul aria-label="Your files" className="space-y-0.5">
        {renderFolder(toTree(files), 0)}
      </ul>
    </section>
  );
}
