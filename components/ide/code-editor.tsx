"use client";

// The Monaco editor, loaded only by the IDE page (next/dynamic with ssr: false in
// ide-workspace.tsx): other pages never download it.
import Editor from "@monaco-editor/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { monaco } from "./monaco-setup";
import "./code-editor.css";

export type Marker = { line: number; column: number; end_line?: number; end_column?: number; severity: "error" | "warning" | "info"; message: string; source: string };

type Props = {
  path: string;
  /** The buffer; the editor reads it when it opens the file and again whenever `rev` changes. */
  value: string;
  rev: number;
  language: string;
  markers: Marker[];
  /** Paths of the open tabs: the models of the others are disposed, so a file opened again starts from its content. */
  openPaths: string[];
  /** Asks the editor to put the cursor on a line (a problem was picked); `at` makes each request new. */
  reveal: { line: number; at: number } | null;
  onChange: (value: string) => void;
};

const SEVERITY = { error: monaco.MarkerSeverity.Error, warning: monaco.MarkerSeverity.Warning, info: monaco.MarkerSeverity.Info };

// One model per file, named by a file: URI (paths may hold characters a bare URI would misread).
const modelUri = (path: string) => monaco.Uri.file(path).toString();

export default function CodeEditor({ path, value, rev, language, markers, openPaths, reveal, onChange }: Props) {
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const decorations = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const [mounted, setMounted] = useState(false);
  // Narrow screens wrap long lines: reading code on a phone should not need sideways panning.
  const [narrow] = useState(() => window.matchMedia("(max-width: 40rem)").matches);

  const options = useMemo<monaco.editor.IStandaloneEditorConstructionOptions>(
    () => ({
      ariaLabel: `Code of ${path}`,
      automaticLayout: true,
      fixedOverflowWidgets: true,
      fontSize: 14,
      glyphMargin: true,
      hideCursorInOverviewRuler: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      tabSize: 4,
      wordWrap: narrow ? "on" : "off",
    }),
    [path, narrow],
  );

  // Squiggles, the overview ruler and a dot in the gutter for each problem of this file.
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model) return;
    const lines = model.getLineCount();
    const data = markers.map((m) => {
      const line = Math.min(Math.max(1, m.line), lines);
      const start = m.column > 1 ? m.column : model.getLineFirstNonWhitespaceColumn(line) || 1;
      const endLine = Math.min(Math.max(line, m.end_line ?? line), lines);
      const endColumn = m.end_column ?? model.getLineMaxColumn(endLine);
      return {
        startLineNumber: line,
        startColumn: start,
        endLineNumber: endLine,
        endColumn: endLine === line && endColumn <= start ? model.getLineMaxColumn(line) : endColumn,
        severity: SEVERITY[m.severity],
        message: m.message,
        source: m.source,
      };
    });
    monaco.editor.setModelMarkers(model, "grace", data);
    decorations.current?.clear();
    decorations.current = editor.createDecorationsCollection(
      data.map((d) => ({
        range: new monaco.Range(d.startLineNumber, 1, d.startLineNumber, 1),
        options: { glyphMarginClassName: `ide-gutter-${d.severity === monaco.MarkerSeverity.Error ? "error" : "warning"}`, glyphMarginHoverMessage: { value: d.message } },
      })),
    );
  }, [markers, path, rev, mounted]);

  // Content replaced from outside (a fix applied, the file read again) goes in as one edit, so
  // Ctrl+Z still steps back over it. The editor is not fed its own keystrokes back: a controlled
  // value lags behind fast typing and would overwrite it.
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  });
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || model.getValue() === latest.current) return;
    editor.executeEdits("grace", [{ range: model.getFullModelRange(), text: latest.current, forceMoveMarkers: true }]);
    editor.pushUndoStop();
  }, [rev, path, mounted]);

  useEffect(() => {
    const keep = new Set(openPaths.map(modelUri));
    for (const model of monaco.editor.getModels()) if (!keep.has(model.uri.toString())) model.dispose();
  }, [openPaths]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !reveal) return;
    editor.revealLineInCenter(reveal.line);
    editor.setPosition({ lineNumber: reveal.line, column: editor.getModel()?.getLineFirstNonWhitespaceColumn(reveal.line) || 1 });
    editor.focus();
  }, [reveal]);

  return (
    <Editor
      path={modelUri(path)}
      defaultValue={value}
      language={language}
      theme="vs"
      height="100%"
      loading={<p className="p-4 text-sm text-slate-600">Loading the editor…</p>}
      onChange={(v) => onChange(v ?? "")}
      onMount={(editor) => {
        editorRef.current = editor;
        setMounted(true);
      }}
      options={options}
    />
  );
}
