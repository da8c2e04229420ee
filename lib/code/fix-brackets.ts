// Closes unbalanced brackets where they belong. With the point the parser stopped at (a
// caret, "')' expected" at 1,20) the closer goes there; otherwise an opener's expression
// ends where the indentation returns to its line's level, and the closer goes at the end
// of its last line (before a trailing ";" or a block's ":"), or on a line of its own for a
// block "{". Stray closers are removed. The result must be balanced, or there is no fix.
import { lex } from "./lex";
import { CLOSER, isBalanced, scanBrackets, unclosedOf, type Opener } from "./brackets";
import { indentOf, indentWidth, splitLines, type CodeLanguage } from "./languages";

export type BracketFix = { source: string; description: string };

type Edit = { offset: number; insert?: string; remove?: number; what: string };

const PY_BLOCK = /^\s*(?:if|elif|else|while|for|with|def|class|try|except|finally|async|match|case)\b/;

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

function apply(text: string, edit: Edit): string {
  return text.slice(0, edit.offset) + (edit.insert ?? "") + text.slice(edit.offset + (edit.remove ?? 0));
}

/** Back from `offset` over whitespace (and blanked comments), never before `floor`. */
function trimBack(code: string, offset: number, floor: number): number {
  let at = offset;
  while (at > floor && /\s/.test(code[at - 1])) at--;
  return at;
}

/** Where the closer of `opener` goes, judged by indentation (no parser position known). */
function closerByIndentation(language: CodeLanguage, text: string, code: string, inString: Set<number>, opener: Opener): Edit | null {
  const lines = splitLines(code);
  const raw = splitLines(text);
  const starts: number[] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    starts.push(offset);
    offset += line.length + 1;
  }
  let openLine = 0;
  while (openLine + 1 < starts.length && starts[openLine + 1] <= opener.offset) openLine++;
  const level = indentWidth(raw[openLine]);
  let last = openLine;
  for (let i = openLine + 1; i < lines.length; i++) {
    if (inString.has(i)) {
      last = i;
      continue;
    }
    if (lines[i].trim() === "") continue;
    if (indentWidth(raw[i]) <= level) break;
    last = i;
  }
  const closer = CLOSER[opener.ch];
  const lineEnd = starts[last] + lines[last].length;
  // A block "{" ending its line gets its "}" on a line of its own, under the line that opened it.
  if (opener.ch === "{" && language !== "python" && lines[openLine].slice(opener.offset - starts[openLine] + 1).trim() === "") {
    const end = starts[last] + raw[last].length;
    return { offset: end, insert: `\n${indentOf(raw[openLine])}${closer}`, what: `Adds the missing "${closer}" on a new line after line ${last + 1}` };
  }
  let at = trimBack(code, lineEnd, opener.offset + 1);
  const before = code[at - 1];
  if (language !== "python" && before === ";") at = trimBack(code, at - 1, opener.offset + 1);
  else if (language === "python" && before === ":" && PY_BLOCK.test(raw[openLine])) at = trimBack(code, at - 1, opener.offset + 1);
  // The closer must land where its opener is the innermost one still open.
  const open = scanBrackets(code, at).stack;
  const index = open.findIndex((o) => o.offset === opener.offset);
  if (index < 0) return null;
  if (index < open.length - 1) at = trimBack(code, open[index + 1].offset, opener.offset + 1);
  return { offset: at, insert: closer, what: "" };
}

function describe(text: string, edit: Edit): string {
  if (edit.what) return edit.what;
  const { line, column } = position(text, edit.offset);
  if (edit.insert && edit.remove) return `Replaces the "${text[edit.offset]}" at line ${line}, column ${column} with "${edit.insert}"`;
  return edit.insert ? `Adds the missing "${edit.insert}" at line ${line}, column ${column}` : `Removes the unmatched "${text[edit.offset]}" at line ${line}, column ${column}`;
}

/**
 * The source with its brackets balanced, or null when they already were (or could not be).
 * `at`: offset where the parser stopped; `opener`: offset of the opener it said was never closed.
 */
export function closeBrackets(o: { language: CodeLanguage; source: string; at?: number | null; opener?: number | null }): BracketFix | null {
  if (o.language === "bash") return null;
  const first = lex(o.language, o.source);
  if (isBalanced(scanBrackets(first.code))) return null;
  let text = o.source;
  const done: string[] = [];
  const edit = (e: Edit) => {
    done.push(describe(text, e));
    text = apply(text, e);
  };
  if (o.at != null && o.at >= 0 && o.at <= text.length) {
    // A position inside a word means the word: a closer never splits one.
    let at = o.at;
    while (at > 0 && /[\w$]/.test(first.code[at - 1] ?? "") && /[\w$]/.test(first.code[at] ?? "")) at--;
    const open = scanBrackets(first.code, at).stack;
    const top = open[open.length - 1];
    const here = first.code[at];
    if (top && here !== CLOSER[top.ch]) {
      const stray = (here === ")" || here === "]" || here === "}") && !open.some((b) => CLOSER[b.ch] === here);
      // A closer of the wrong kind with nothing for it to close was meant to close `top`.
      if (stray) edit({ offset: at, remove: 1, insert: CLOSER[top.ch], what: "" });
      else edit({ offset: trimBack(first.code, at, top.offset + 1), insert: CLOSER[top.ch], what: "" });
    }
  }
  let named = o.at == null ? o.opener : null;
  for (let round = 0; round < 20; round++) {
    const { code, linesInString } = lex(o.language, text);
    const scan = scanBrackets(code);
    if (isBalanced(scan)) return done.length ? { source: text, description: done.join("; ") } : null;
    if (scan.stray.length) {
      edit({ offset: scan.stray[0].offset, remove: 1, what: "" });
      continue;
    }
    const unclosed = unclosedOf(scan);
    const target = unclosed.find((u) => u.offset === named) ?? unclosed[unclosed.length - 1];
    named = null;
    const next = closerByIndentation(o.language, text, code, linesInString, target);
    if (!next) return null;
    edit(next);
  }
  return null;
}
