// What an interpreter's error output says, once parsed: the error, and where in the person's
// files it happened. Paths are made relative to the workspace; the interpreter's own files
// (node:internal/…, /usr/lib/python3…) are never "the file".

export type ParsedError = {
  /** As the interpreter names it: "NameError", "SyntaxError", "TS1005", "CommandNotFound". */
  errorType: string;
  message: string;
  /** Workspace-relative path of the person's file the error points at. */
  file: string | null;
  line: number | null;
  /** 1-based, in UTF-16 units (as editors count); null when the interpreter gave none. */
  column: number | null;
};

/** Where the sandbox puts a run's files (lib/sandbox/runner/command.ts, INSIDE). */
const WORKSPACE_PREFIXES = ["/workspace/", "/build/"];

/**
 * The workspace-relative path of `printed` when it is one of the person's files: the run's
 * own file by its name (wherever the workspace was), else a path under the workspace.
 */
export function userPath(printed: string, fileName: string): string | null {
  let path = printed.trim();
  if (path.startsWith("file://")) path = decodeURIComponent(path.slice("file://".length));
  if (!path || path.startsWith("node:") || path.startsWith("<")) return null;
  if (path === fileName || path.endsWith(`/${fileName}`)) return fileName;
  for (const prefix of WORKSPACE_PREFIXES) if (path.startsWith(prefix)) return path.slice(prefix.length);
  if (!path.startsWith("/") && !path.includes("://")) return path.replace(/^\.\//, "");
  return null;
}

/** Lines of output, without their line breaks. */
export function outputLines(text: string): string[] {
  return text.split("\n").map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
}

/** Whether `line` is only a caret marker ("    ^^^^", "  ~~~^^^"). */
export function isCaretLine(line: string): boolean {
  return /^ *[~^]+ *$/.test(line) && line.includes("^");
}
