// Python indentation errors, re-indented the way a person would: the offending line (and
// the lines nested under it, which move with it) to the level of the block it belongs to.
// Lines inside multi-line strings are never touched: that would change what the program prints.
import { lex } from "./lex";
import { lineStartDepths } from "./brackets";
import { indentOf, indentWidth, splitLines } from "./languages";

export type IndentationProblem =
  /** IndentationError: unexpected indent */
  | { kind: "unexpected"; line: number }
  /** IndentationError: expected an indented block after … on line `after` */
  | { kind: "expected"; line: number; after: number }
  /** IndentationError: unindent does not match any outer indentation level */
  | { kind: "unindent"; line: number }
  /** TabError: inconsistent use of tabs and spaces in indentation */
  | { kind: "tabs"; line: number };

export type IndentationFix = { source: string; description: string };

type Layout = { raw: string[]; view: string[]; statement: boolean[]; blank: boolean[]; inString: boolean[]; unit: string; eol: string };

function layout(source: string): Layout {
  const { code, linesInString } = lex("python", source);
  const raw = source.split("\n");
  const view = splitLines(code);
  const depths = lineStartDepths(code);
  const blank = view.map((l, i) => l.trim() === "" || linesInString.has(i));
  // A statement starts on a line that is not blank, not inside brackets or a string, and does not follow a backslash.
  const statement = view.map((_, i) => !blank[i] && depths[i] === 0 && !(i > 0 && /\\\s*$/.test(view[i - 1])));
  const inString = view.map((_, i) => linesInString.has(i));
  return { raw, view, statement, blank, inString, unit: indentUnit(raw, statement), eol: source.includes("\r\n") ? "\r" : "" };
}

/** The file's indentation step: a tab when its statements are indented with tabs, else the smallest step in spaces (4 by default). */
function indentUnit(raw: string[], statement: boolean[]): string {
  let tabs = 0;
  let spaces = 0;
  let step = Infinity;
  let previous = 0;
  raw.forEach((line, i) => {
    if (!statement[i]) return;
    const indent = indentOf(line);
    if (indent.startsWith("\t")) tabs++;
    else if (indent) spaces++;
    const width = indentWidth(line);
    if (width > previous && !indent.includes("\t")) step = Math.min(step, width - previous);
    previous = width;
  });
  if (tabs > spaces) return "\t";
  return " ".repeat(Number.isFinite(step) && step <= 8 ? step : 4);
}

/**
 * Moves line `first` (0-based) to `target` indentation, with the lines after it that are
 * indented more than `nestedBelow` columns (its block and its continuation lines).
 */
function shift(l: Layout, first: number, target: string, nestedBelow: number): number {
  const oldWidth = indentWidth(l.raw[first]);
  const moved = (i: number) => {
    const extra = indentWidth(l.raw[i]) - oldWidth;
    l.raw[i] = target + " ".repeat(Math.max(0, extra)) + l.raw[i].slice(indentOf(l.raw[i]).length);
  };
  moved(first);
  let count = 1;
  for (let i = first + 1; i < l.raw.length; i++) {
    if (l.blank[i]) continue;
    if (l.statement[i] && indentWidth(l.raw[i]) <= nestedBelow) break;
    // Continuation lines and nested statements move with the line.
    moved(i);
    count++;
  }
  return count;
}

/** The indentation levels open at line `line` (0-based): those of the enclosing blocks. */
function levelsBefore(l: Layout, line: number): string[] {
  const levels: string[] = [""];
  for (let i = 0; i < line; i++) {
    if (!l.statement[i]) continue;
    const width = indentWidth(l.raw[i]);
    while (levels.length > 1 && indentWidth(levels[levels.length - 1]) > width) levels.pop();
    if (width > indentWidth(levels[levels.length - 1])) levels.push(indentOf(l.raw[i]));
  }
  return levels;
}

function previousStatement(l: Layout, line: number): number {
  for (let i = line - 1; i >= 0; i--) if (l.statement[i]) return i;
  return -1;
}

const lineWord = (n: number) => (n === 1 ? "line" : "lines");

export function fixIndentation(source: string, problem: IndentationProblem): IndentationFix | null {
  const l = layout(source);
  const at = problem.line - 1;
  if (problem.kind === "tabs") {
    const unit = l.unit === "\t" ? "    " : l.unit;
    let changed = 0;
    l.raw.forEach((line, i) => {
      if (l.inString[i]) return;
      const indent = indentOf(line);
      if (!indent.includes("\t")) return;
      l.raw[i] = indent.replace(/\t/g, unit) + line.slice(indent.length);
      changed++;
    });
    return changed ? { source: l.raw.join("\n"), description: `Replaces the tabs indenting ${changed} ${lineWord(changed)} with ${unit.length} spaces each, so the whole file is indented with spaces` } : null;
  }
  if (problem.kind === "expected") {
    const opener = problem.after - 1;
    if (opener < 0 || opener >= l.raw.length) return null;
    const target = indentOf(l.raw[opener]) + l.unit;
    if (at >= l.raw.length || l.blank[at] || !l.statement[at]) {
      // Nothing follows the block's header: the block gets a `pass`.
      let end = opener;
      while (end + 1 < l.raw.length && !l.statement[end + 1] && !l.blank[end + 1]) end++;
      l.raw.splice(end + 1, 0, `${target}pass${l.eol}`);
      return { source: l.raw.join("\n"), description: `Adds "pass" as the body of the block on line ${problem.after}, which had none` };
    }
    if (indentWidth(l.raw[at]) >= indentWidth(target)) return null;
    const moved = shift(l, at, target, indentWidth(l.raw[at]));
    return { source: l.raw.join("\n"), description: `Indents line ${problem.line}${moved > 1 ? ` (and the ${moved - 1} ${lineWord(moved - 1)} under it)` : ""} one level, into the block that starts on line ${problem.after}` };
  }
  if (at < 0 || at >= l.raw.length || !l.statement[at]) return null;
  const width = indentWidth(l.raw[at]);
  let target: string;
  if (problem.kind === "unexpected") {
    const before = previousStatement(l, at);
    target = before < 0 ? "" : indentOf(l.raw[before]);
    if (before >= 0 && /:\s*$/.test(l.view[before])) return null; // a block header: the indent was expected
  } else {
    const levels = levelsBefore(l, at).filter((level) => indentWidth(level) < width);
    target = levels[levels.length - 1] ?? "";
  }
  if (indentWidth(target) >= width) return null;
  const moved = shift(l, at, target, width - 1);
  const level = target === "" ? "the left margin" : `${indentWidth(target)} columns`;
  return { source: l.raw.join("\n"), description: `Moves line ${problem.line}${moved > 1 ? ` and the ${moved - 1} ${lineWord(moved - 1)} of its block` : ""} to ${level}, the indentation of the block it belongs to` };
}
