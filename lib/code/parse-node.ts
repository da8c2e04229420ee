// Node's report of an uncaught error: `path:line`, the source line and a caret, then
// "TypeError: message" and the stack (`    at f (path:line:col)`). The first stack frame in
// the person's own files is where it happened; a syntax error has only the header.
import { isCaretLine, outputLines, userPath, type ParsedError } from "./parsed-error";

type Location = { path: string; line: number; column: number | null };

/** "path:12" → path and line (the header of an uncaught error). */
function parseHeader(text: string): Location | null {
  const colon = text.lastIndexOf(":");
  if (colon <= 0 || /^\s/.test(text) || !/^\d+$/.test(text.slice(colon + 1))) return null;
  return { path: text.slice(0, colon), line: Number(text.slice(colon + 1)), column: null };
}

/** "    at f (path:12:5)" or "    at path:12:5" → path, line and column. */
function parseStackLine(text: string): Location | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith("at ")) return null;
  let where = trimmed.slice(3);
  if (where.endsWith(")")) where = where.slice(where.lastIndexOf("(") + 1, -1);
  const c2 = where.lastIndexOf(":");
  const c1 = where.lastIndexOf(":", c2 - 1);
  if (c1 <= 0) return null;
  const line = where.slice(c1 + 1, c2);
  const column = where.slice(c2 + 1);
  if (!/^\d+$/.test(line) || !/^\d+$/.test(column)) return null;
  return { path: where.slice(0, c1), line: Number(line), column: Number(column) };
}

const ERROR_LINE = /^(?:Uncaught )?([A-Za-z_$][\w$]*)(?: \[([A-Z0-9_]+)\])?: (.*)$/;

export function parseNodeError(stderr: string, o: { fileName: string }): ParsedError | null {
  const lines = outputLines(stderr);
  // The last header (followed by the source line and a caret): what ended the program.
  let header: Location | null = null;
  let headerAt = -1;
  for (let i = lines.length - 3; i >= 0; i--) {
    const h = parseHeader(lines[i]);
    if (h && isCaretLine(lines[i + 2])) {
      header = { ...h, column: lines[i + 2].indexOf("^") + 1 };
      headerAt = i;
      break;
    }
  }
  if (!header) {
    // A syntax error at the end of the file prints an empty line and no caret under the header.
    for (let i = lines.length - 1; i >= 0; i--) {
      const h = parseHeader(lines[i]);
      if (h && userPath(h.path, o.fileName) !== null) {
        header = h;
        headerAt = i;
        break;
      }
    }
  }
  // The error line: the last one that reads "Type: message" before the stack starts.
  const from = headerAt >= 0 ? headerAt + 3 : 0;
  let stackAt = lines.length;
  for (let i = from; i < lines.length; i++) {
    if (parseStackLine(lines[i]) && lines[i].startsWith(" ")) {
      stackAt = i;
      break;
    }
  }
  let errorAt = -1;
  for (let i = from; i < stackAt; i++) {
    if (ERROR_LINE.test(lines[i])) {
      errorAt = i;
      if (stackAt === lines.length) break;
    }
  }
  if (errorAt < 0 && !header) return null;
  let errorType = "Error";
  let message = "";
  if (errorAt >= 0) {
    const m = ERROR_LINE.exec(lines[errorAt])!;
    errorType = m[1];
    message = m[3];
  } else {
    // A thrown value that is not an Error: printed as is after the caret.
    message = lines.slice(headerAt + 3).find((l) => l.trim() !== "") ?? "";
  }
  for (let i = Math.max(errorAt, 0); i < lines.length; i++) {
    const frame = parseStackLine(lines[i]);
    const file = frame && userPath(frame.path, o.fileName);
    if (frame && file) return { errorType, message, file, line: frame.line, column: frame.column };
  }
  const file = header && userPath(header.path, o.fileName);
  if (header && file) return { errorType, message, file, line: header.line, column: header.column };
  return { errorType, message, file: null, line: null, column: null };
}
