// Python's error output: a traceback ("Traceback (most recent call last):", frames
// `  File "…", line N, in f`, the exception last) or a syntax error (one frame, the line and a
// caret). The innermost frame in the person's own files is where it happened.
import { indentOf, splitLines } from "./languages";
import { isCaretLine, outputLines, userPath, type ParsedError } from "./parsed-error";

type Frame = { path: string; line: number; index: number };

const FRAME_PREFIX = '  File "';

function parseFrame(text: string, index: number): Frame | null {
  if (!text.startsWith(FRAME_PREFIX)) return null;
  const close = text.indexOf('", line ', FRAME_PREFIX.length);
  if (close < 0) return null;
  const digits = /^\d+/.exec(text.slice(close + '", line '.length));
  return digits ? { path: text.slice(FRAME_PREFIX.length, close), line: Number(digits[0]), index } : null;
}

export function parsePythonError(stderr: string, o: { fileName: string; source: string }): ParsedError | null {
  const lines = outputLines(stderr);
  const tracebackAt = lines.lastIndexOf("Traceback (most recent call last):");
  const frames: Frame[] = [];
  for (let i = Math.max(0, tracebackAt); i < lines.length; i++) {
    const frame = parseFrame(lines[i], i);
    if (frame) frames.push(frame);
  }
  // The exception: the first unindented line after the last frame's code and caret lines.
  let at = frames.length ? frames[frames.length - 1].index + 1 : Math.max(0, tracebackAt + 1);
  while (at < lines.length && (lines[at].startsWith(" ") || lines[at] === "")) at++;
  if (!frames.length) {
    // No frame: the last line that reads like "SomeError: message".
    at = lines.length - 1;
    while (at >= 0 && !/^[A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt)\b/.test(lines[at])) at--;
    if (at < 0) return null;
  }
  if (at >= lines.length) return null;
  const exception = lines[at];
  const colon = exception.indexOf(": ");
  const head = colon < 0 ? exception.trim() : exception.slice(0, colon);
  if (!/^[A-Za-z_][\w.]*$/.test(head)) return null;
  const errorType = head.slice(head.lastIndexOf(".") + 1);
  const message = colon < 0 ? "" : exception.slice(colon + 2);

  const mine = frames.filter((f) => userPath(f.path, o.fileName) !== null && f.index < at);
  const frame = mine[mine.length - 1];
  if (!frame) return { errorType, message, file: null, line: null, column: null };
  const file = userPath(frame.path, o.fileName);
  return { errorType, message, file, line: frame.line, column: file === o.fileName ? caretColumn(lines, frame, at, o.source) : null };
}

/**
 * The caret's column in the source. Python prints the line stripped of its indentation,
 * indented by 4 spaces, and the caret under it; the source gives the indentation back.
 */
function caretColumn(lines: string[], frame: Frame, end: number, source: string): number | null {
  const printed = lines[frame.index + 1];
  const caret = lines[frame.index + 2];
  if (printed === undefined || caret === undefined || frame.index + 2 >= end || !isCaretLine(caret) || !printed.startsWith("    ")) return null;
  const original = splitLines(source)[frame.line - 1];
  if (original === undefined || original.trim() !== printed.trim()) return null;
  const marker = caret.search(/[~^]/);
  const column = marker - 4 + indentOf(original).length;
  return column >= 0 ? Math.min(column, original.length) + 1 : null;
}
