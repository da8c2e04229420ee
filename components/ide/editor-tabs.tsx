"use client";

import type { Tab } from "./types";

const nameOf = (path: string) => path.slice(path.lastIndexOf("/") + 1);

/** The open files, the active one marked; a dot marks unsaved changes. */
export function EditorTabs({ tabs, active, onSelect, onClose }: { tabs: Tab[]; active: string | null; onSelect: (path: string) => void; onClose: (path: string) => void }) {
  return (
    <ul aria-label="Open files" className="flex min-w-0 overflow-x-auto border-b border-slate-200">
      {tabs.map((tab) => {
        const isActive = tab.path === active;
        const dirty = tab.content !== tab.saved;
        return (
          <li key={tab.path} className={`flex shrink-0 items-center border-r border-slate-200 ${isActive ? "bg-white" : "bg-slate-50"}`}>
            <button
              type="button"
              onClick={() => onSelect(tab.path)}
              aria-current={isActive ? "true" : undefined}
              title={tab.path}
              className={`flex min-h-10 items-center gap-1.5 py-1.5 pr-1 pl-3 font-mono text-sm md:min-h-9 ${isActive ? "font-medium text-indigo-800 shadow-[inset_0_-2px_0] shadow-indigo-600" : "text-slate-700 hover:text-slate-900"}`}
            >
              {nameOf(tab.path)}
              {dirty && (
                <>
                  <span aria-hidden className="text-indigo-600" title="Unsaved changes">
                    ●
                  </span>
                  <span className="sr-only"> (unsaved changes)</span>
                </>
              )}
            </button>
            <button type="button" aria-label={`Close ${tab.path}`} title="Close" onClick={() => onClose(tab.path)} className="mr-1 rounded p-1 text-slate-600 hover:bg-slate-200 hover:text-slate-900">
              <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
                <path d="M5 5l10 10M15 5L5 15" />
              </svg>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
