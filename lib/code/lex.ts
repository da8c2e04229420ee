// A light lexer per language, one forward pass over the source (linear on any input): it
// tells code from comments and string literals, so rules and fixes look at code only. The
// views it returns have the source's length and line breaks, so offsets, lines and columns
// in a view are those of the source.
import type { CodeLanguage } from "./languages";

export type LexedCode = {
  /** Comments and the contents of string literals replaced by spaces (quotes and f-string / template `{…}` parts kept). */
  code: string;
  /** Like `code`, but a string literal with no whitespace in it is kept ("child_process", "-rf"): prose is what it hides. */
  codeWithWords: string;
  /** 0-based numbers of the lines that begin inside a string literal (a docstring's inner lines). */
  linesInString: Set<number>;
};

const SPACE = 32;
const NEWLINE = 10;
const CR = 13;

class Views {
  readonly code: Uint16Array;
  readonly words: Uint16Array;
  readonly linesInString = new Set<number>();
  constructor(readonly src: string) {
    this.code = new Uint16Array(src.length);
    for (let i = 0; i < src.length; i++) this.code[i] = src.charCodeAt(i);
    this.words = this.code.slice();
  }
  /** Blanks [from, to) in both views (line breaks stay). */
  blank(from: number, to: number, o: { keepWords?: boolean } = {}) {
    for (let i = from; i < to; i++) {
      const c = this.code[i];
      if (c === NEWLINE || c === CR) continue;
      this.code[i] = SPACE;
      if (!o.keepWords) this.words[i] = SPACE;
    }
  }
  /** A string literal's content [from, to) minus the `kept` (interpolated code) ranges. */
  literal(from: number, to: number, kept: [number, number][]) {
    let hasSpace = false;
    let at = from;
    const parts: [number, number][] = [];
    for (const [a, b] of [...kept, [to, to] as [number, number]]) {
      if (a > at) parts.push([at, a]);
      at = b;
    }
    for (const [a, b] of parts) {
      for (let i = a; i < b && !hasSpace; i++) hasSpace = isSpace(this.src.charCodeAt(i));
    }
    for (const [a, b] of parts) this.blank(a, b, { keepWords: !hasSpace });
    for (let i = from; i < to; i++) if (this.src.charCodeAt(i) === NEWLINE) this.linesInString.add(lineAt(this.src, i) + 1);
  }
  result(): LexedCode {
    return { code: decode(this.code), codeWithWords: decode(this.words), linesInString: this.linesInString };
  }
}

function decode(a: Uint16Array): string {
  let out = "";
  for (let i = 0; i < a.length; i += 8192) out += String.fromCharCode(...a.subarray(i, i + 8192));
  return out;
}

// Line numbers are only asked for at line breaks inside literals; counting from a cached
// position keeps the whole pass linear.
let lineCache: { src: string; at: number; line: number } | null = null;
function lineAt(src: string, offset: number): number {
  if (!lineCache || lineCache.src !== src || lineCache.at > offset) lineCache = { src, at: 0, line: 0 };
  let { at, line } = lineCache;
  for (; at < offset; at++) if (src.charCodeAt(at) === NEWLINE) line++;
  lineCache = { src, at, line };
  return line;
}

const isIdent = (ch: string | undefined) => ch !== undefined && /[\w$]/.test(ch);
/** Whitespace by its code unit: ASCII spaces, and the rest (no-break and wide spaces) by \s. */
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(String.fromCharCode(c)));

export function lex(language: CodeLanguage, source: string): LexedCode {
  lineCache = null;
  const views = new Views(source);
  if (language === "python") lexPython(source, views);
  else if (language === "bash") lexBash(source, views);
  else lexJs(source, views);
  return views.result();
}

function lexPython(s: string, v: Views) {
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s[i];
    if (c === "#") {
      const end = lineEnd(s, i);
      v.blank(i, end);
      i = end;
    } else if (c === '"' || c === "'") {
      i = pythonString(s, i, v);
    } else i++;
  }
}

/** Parses the Python string literal whose opening quote is at `i`; returns the offset after it. */
function pythonString(s: string, i: number, v: Views): number {
  const n = s.length;
  const q = s[i];
  let p = i;
  while (p > 0 && p > i - 2 && /[rRbBfFuU]/.test(s[p - 1])) p--;
  const prefix = isIdent(s[p - 1]) ? "" : s.slice(p, i).toLowerCase();
  const isF = prefix.includes("f");
  const triple = s[i + 1] === q && s[i + 2] === q;
  const start = i + (triple ? 3 : 1);
  const kept: [number, number][] = [];
  let j = start;
  let end = -1;
  while (j < n) {
    const ch = s[j];
    if (ch === "\\") {
      j += 2;
      continue;
    }
    if (!triple && ch === "\n") break;
    if (ch === q && (!triple || (s[j + 1] === q && s[j + 2] === q))) {
      end = j;
      break;
    }
    if (isF && ch === "{") {
      if (s[j + 1] === "{") {
        j += 2;
        continue;
      }
      let k = j + 1;
      let depth = 1;
      while (k < n && depth > 0) {
        const d = s[k];
        if (d === "{") depth++;
        else if (d === "}") depth--;
        else if (d === q || (!triple && d === "\n")) break;
        if (depth > 0) k++;
      }
      const close = depth === 0 ? k + 1 : k;
      kept.push([j, close]);
      j = close;
      continue;
    }
    j++;
  }
  const contentEnd = end < 0 ? Math.min(j, n) : end;
  v.literal(start, contentEnd, kept);
  return end < 0 ? contentEnd : end + (triple ? 3 : 1);
}

function lineEnd(s: string, i: number): number {
  const nl = s.indexOf("\n", i);
  return nl < 0 ? s.length : nl;
}

const REGEX_AFTER_WORD = new Set(["return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await"]);
const REGEX_AFTER_CHAR = new Set([..."(,=:[!&|?{};+-*%<>~^"]);

function lexJs(s: string, v: Views) {
  const n = s.length;
  let i = 0;
  // Brace depth at which each open template literal resumes after a `${…}`.
  const templates: number[] = [];
  let depth = 0;
  let lastChar = "";
  let lastWord = "";
  if (s.startsWith("#!")) {
    i = lineEnd(s, 0);
    v.blank(0, i);
  }
  const template = (from: number): number => {
    // from: just after the opening backtick or the `}` closing an interpolation.
    let j = from;
    while (j < n) {
      const ch = s[j];
      if (ch === "\\") {
        j += 2;
        continue;
      }
      if (ch === "`") {
        v.literal(from, j, []);
        return j + 1;
      }
      if (ch === "$" && s[j + 1] === "{") {
        v.literal(from, j, []);
        templates.push(depth);
        depth++;
        return j + 2;
      }
      j++;
    }
    v.literal(from, n, []);
    return n;
  };
  while (i < n) {
    const c = s[i];
    const next = s[i + 1];
    if (c === "/" && next === "/") {
      const end = lineEnd(s, i);
      v.blank(i, end);
      i = end;
      continue;
    }
    if (c === "/" && next === "*") {
      const close = s.indexOf("*/", i + 2);
      const end = close < 0 ? n : close + 2;
      v.blank(i, end);
      i = end;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && s[j] !== c && s[j] !== "\n") j += s[j] === "\\" ? 2 : 1;
      v.literal(i + 1, Math.min(j, n), []);
      i = j < n && s[j] === c ? j + 1 : j;
      lastChar = c;
      lastWord = "";
      continue;
    }
    if (c === "`") {
      i = template(i + 1);
      lastChar = "`";
      lastWord = "";
      continue;
    }
    if (c === "/" && (lastChar === "" || REGEX_AFTER_CHAR.has(lastChar) || REGEX_AFTER_WORD.has(lastWord))) {
      const close = regexClose(s, i);
      if (close > 0) {
        v.blank(i + 1, close);
        i = close + 1;
        while (i < n && /[a-z]/i.test(s[i])) i++;
        lastChar = "/";
        lastWord = "";
        continue;
      }
    }
    if (c === "{") depth++;
    else if (c === "}") {
      if (templates.length && templates[templates.length - 1] === depth - 1) {
        templates.pop();
        depth--;
        i = template(i + 1);
        lastChar = "`";
        lastWord = "";
        continue;
      }
      depth--;
    }
    if (isIdent(c)) {
      let j = i;
      while (j < n && isIdent(s[j])) j++;
      lastWord = s.slice(i, j);
      lastChar = s[j - 1];
      i = j;
      continue;
    }
    if (c !== " " && c !== "\t" && c !== "\n" && c !== "\r") {
      lastChar = c;
      lastWord = "";
    }
    i++;
  }
}

/** The offset of the "/" closing a regex literal that opens at `i`, or -1 when there is none on this line. */
function regexClose(s: string, i: number): number {
  let inClass = false;
  for (let j = i + 1; j < s.length; j++) {
    const ch = s[j];
    if (ch === "\n") return -1;
    if (ch === "\\") {
      j++;
      continue;
    }
    if (ch === "[") inClass = true;
    else if (ch === "]") inClass = false;
    else if (ch === "/" && !inClass) return j;
  }
  return -1;
}

// Bash: only comments are hidden. Quoting is how shell code is written (`sh -c "…"`), so
// strings stay visible; they are only tracked so a quoted "#" does not start a comment.
function lexBash(s: string, v: Views) {
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s[i];
    if (c === "'") {
      const close = s.indexOf("'", i + 1);
      i = close < 0 ? n : close + 1;
    } else if (c === '"') {
      let j = i + 1;
      while (j < n && s[j] !== '"') j += s[j] === "\\" ? 2 : 1;
      i = j + 1;
    } else if (c === "\\") {
      i += 2;
    } else if (c === "#" && (i === 0 || /[\s;&|(]/.test(s[i - 1]))) {
      const end = lineEnd(s, i);
      v.blank(i, end);
      i = end;
    } else i++;
  }
}
