// Which language runs a file and how the editor colours it, from the file's extension.

export const RUN_LANGUAGES = ["python", "javascript", "typescript", "bash"] as const;

const RUN_BY_EXTENSION: Record<string, string> = {
  ".py": "python",
  ".js": "javascript",
  ".mjs": "javascript",
  ".cjs": "javascript",
  ".jsx": "javascript",
  ".ts": "typescript",
  ".mts": "typescript",
  ".cts": "typescript",
  ".tsx": "typescript",
  ".sh": "bash",
  ".bash": "bash",
};

// Monaco language ids; only these are bundled (components/ide/monaco-setup.ts).
const EDITOR_BY_EXTENSION: Record<string, string> = {
  ".md": "markdown",
  ".html": "html",
  ".htm": "html",
  ".css": "css",
  ".yaml": "yaml",
  ".yml": "yaml",
  ".xml": "xml",
  ".sql": "sql",
  ".ini": "ini",
  ".cfg": "ini",
  ".toml": "ini",
  ".json": "javascript",
};

export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot).toLowerCase() : "";
}

/** The language a file runs with by default; null for files that are not programs (.txt, .json…). */
export function runLanguageFor(path: string): string | null {
  return RUN_BY_EXTENSION[extensionOf(path)] ?? null;
}

/** The editor's language for a tab: the picked run language, else one from the extension, else plain text. */
export function editorLanguageFor(path: string, runLanguage: string | null): string {
  if (runLanguage) return runLanguage === "bash" ? "shell" : runLanguage;
  return EDITOR_BY_EXTENSION[extensionOf(path)] ?? "plaintext";
}

export const HELLO_WORLD = 'print("Hello, world!")\n';
