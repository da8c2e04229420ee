// The languages the sandbox runs, as the code checks and the run diagnosis see them. Kept
// apart from lib/sandbox/runner (worker only) so routes and the worker can both use them.

export const CODE_LANGUAGES = ["python", "javascript", "typescript", "bash"] as const;
export type CodeLanguage = (typeof CODE_LANGUAGES)[number];

export function isCodeLanguage(value: unknown): value is CodeLanguage {
  return typeof value === "string" && (CODE_LANGUAGES as readonly string[]).includes(value);
}

const BY_EXTENSION: Record<string, CodeLanguage> = {
  py: "python",
  js: "javascript",
  mjs: "javascript",
  cjs: "javascript",
  jsx: "javascript",
  ts: "typescript",
  mts: "typescript",
  cts: "typescript",
  tsx: "typescript",
  sh: "bash",
  bash: "bash",
};

/** The language a run used: the one given when it is known, else the file's extension; null when neither says. */
export function languageOf(o: { language?: string | null; fileName?: string | null }): CodeLanguage | null {
  if (isCodeLanguage(o.language)) return o.language;
  const name = o.fileName ?? "";
  const dot = name.lastIndexOf(".");
  return dot >= 0 ? (BY_EXTENSION[name.slice(dot + 1).toLowerCase()] ?? null) : null;
}

/** The file a run executes when none is named (as the runner does). */
export const DEFAULT_ENTRY: Record<CodeLanguage, string> = { python: "main.py", javascript: "main.js", typescript: "main.ts", bash: "main.sh" };

/** Lines of a text, without their line breaks ("\r\n" files too). */
export function splitLines(text: string): string[] {
  return text.split("\n").map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
}

/** The leading spaces and tabs of a line. */
export function indentOf(line: string): string {
  let i = 0;
  while (i < line.length && (line[i] === " " || line[i] === "\t")) i++;
  return line.slice(0, i);
}

/** Indentation width in columns, a tab counting as `tabWidth`. */
export function indentWidth(line: string, tabWidth = 8): number {
  let width = 0;
  for (const ch of indentOf(line)) width = ch === "\t" ? width + tabWidth - (width % tabWidth) : width + 1;
  return width;
}

/** The offset of 1-based `line` and `column` in `text` (clamped to the line), or null past its last line. */
export function offsetAt(text: string, line: number, column: number): number | null {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const nl = text.indexOf("\n", start);
    if (nl < 0) return null;
    start = nl + 1;
  }
  const nl = text.indexOf("\n", start);
  const end = nl < 0 ? text.length : nl;
  return Math.min(start + Math.max(0, column - 1), end);
}
