// TypeScript's diagnostics, as Grace's transpile step prints them before the program could
// run: `main.ts(3,5): error TS1005: ')' expected.` The first one is what stopped it.
import { outputLines, userPath, type ParsedError } from "./parsed-error";

export function parseTypeScriptError(stderr: string, o: { fileName: string }): ParsedError | null {
  for (const text of outputLines(stderr)) {
    const marker = text.indexOf("): error TS");
    if (marker < 0) continue;
    const open = text.lastIndexOf("(", marker);
    const place = /^(\d+),(\d+)$/.exec(text.slice(open + 1, marker));
    const rest = /^(TS\d+): (.*)$/.exec(text.slice(marker + "): error ".length));
    if (open <= 0 || !place || !rest) continue;
    return { errorType: rest[1], message: rest[2], file: userPath(text.slice(0, open), o.fileName), line: Number(place[1]), column: Number(place[2]) };
  }
  return null;
}
