// Bash's errors: `main.sh: line 3: foo: command not found`. A script goes on after most of
// them, so the one that counts is a syntax error (nothing ran) or else the last one.
import { outputLines, userPath, type ParsedError } from "./parsed-error";

export type BashError = ParsedError & {
  /** For "command not found": the command, and every line it was not found on. */
  command?: string;
  commandLines?: number[];
};

type Reported = { path: string; line: number; message: string };

function parseLine(text: string): Reported | null {
  const marker = text.indexOf(": line ");
  if (marker <= 0) return null;
  const rest = /^(\d+): (.*)$/.exec(text.slice(marker + ": line ".length));
  return rest ? { path: text.slice(0, marker), line: Number(rest[1]), message: rest[2] } : null;
}

function classify(message: string): string {
  if (message.endsWith(": command not found")) return "CommandNotFound";
  if (message.startsWith("syntax error") || message.startsWith("unexpected EOF") || message.endsWith("bad substitution")) return "SyntaxError";
  if (message.endsWith("unbound variable")) return "UnboundVariable";
  if (message.includes("division by 0")) return "ArithmeticError";
  if (message.endsWith("Permission denied")) return "PermissionError";
  if (message.endsWith("No such file or directory")) return "FileNotFoundError";
  return "ShellError";
}

export function parseBashError(stderr: string, o: { fileName: string }): BashError | null {
  const reported = outputLines(stderr)
    .map(parseLine)
    .filter((r): r is Reported => r !== null && userPath(r.path, o.fileName) !== null);
  if (!reported.length) return null;
  const chosen = reported.find((r) => classify(r.message) === "SyntaxError") ?? reported[reported.length - 1];
  const errorType = classify(chosen.message);
  const error: BashError = { errorType, message: chosen.message, file: userPath(chosen.path, o.fileName), line: chosen.line, column: null };
  if (errorType === "CommandNotFound") {
    const command = chosen.message.slice(0, -": command not found".length);
    error.command = command;
    error.commandLines = reported.filter((r) => r.message === chosen.message && userPath(r.path, o.fileName) === error.file).map((r) => r.line);
  }
  return error;
}
