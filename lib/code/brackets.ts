// Bracket matching over a lexed code view (strings and comments already blanked), the way a
// parser recovers: a closer that skips over openers leaves those openers unclosed.

export type Opener = { ch: "(" | "[" | "{"; offset: number };
export type BracketScan = {
  /** Openers still open where the scan stopped, outermost first. */
  stack: Opener[];
  /** Openers a later closer skipped over (`[1, 2}` leaves "[" here). */
  skipped: Opener[];
  /** Closers with no opener at all. */
  stray: { ch: string; offset: number }[];
};

export const CLOSER: Record<Opener["ch"], string> = { "(": ")", "[": "]", "{": "}" };
const OPENER: Record<string, Opener["ch"]> = { ")": "(", "]": "[", "}": "{" };

/** Scans `code` up to `end` (exclusive; default: all of it). */
export function scanBrackets(code: string, end = code.length): BracketScan {
  const stack: Opener[] = [];
  const skipped: Opener[] = [];
  const stray: BracketScan["stray"] = [];
  for (let i = 0; i < end; i++) {
    const c = code[i];
    if (c === "(" || c === "[" || c === "{") stack.push({ ch: c, offset: i });
    else if (c === ")" || c === "]" || c === "}") {
      const want = OPENER[c];
      let at = stack.length - 1;
      while (at >= 0 && stack[at].ch !== want) at--;
      if (at < 0) stray.push({ ch: c, offset: i });
      else {
        skipped.push(...stack.splice(at + 1));
        stack.pop();
      }
    }
  }
  return { stack, skipped, stray };
}

/** Every opener that is never closed, in source order. */
export function unclosedOf(scan: BracketScan): Opener[] {
  return [...scan.skipped, ...scan.stack].sort((a, b) => a.offset - b.offset);
}

export function isBalanced(scan: BracketScan): boolean {
  return scan.stack.length === 0 && scan.skipped.length === 0 && scan.stray.length === 0;
}

/** Bracket depth at the start of each line of `code` (one pass; closers never take it below 0). */
export function lineStartDepths(code: string): number[] {
  const depths = [0];
  let depth = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth = Math.max(0, depth - 1);
    else if (c === "\n") depths.push(depth);
  }
  return depths;
}
