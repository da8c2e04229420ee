// The concrete fix for a parsed error, when there is one Grace can be sure of: a missing
// import of a standard module, an indentation error, a misspelled name with exactly one
// near match, an unbalanced bracket. Each returns the program's whole new source.
import { lex } from "./lex";
import { identifiers, namesInScope } from "./identifiers";
import { closestName } from "./closest-name";
import { addImport, importStatement } from "./fix-import";
import { fixIndentation, type IndentationProblem } from "./fix-indentation";
import { renameName } from "./fix-rename";
import { closeBrackets } from "./fix-brackets";
import { offsetAt, type CodeLanguage } from "./languages";
import type { ParsedError } from "./parsed-error";
import type { BashError } from "./parse-bash";
import { BASH_COMMANDS, JS_GLOBALS, JS_KEYWORDS, NODE_MODULES, NODE_SYMBOLS, PYTHON_BUILTINS, PYTHON_KEYWORDS, PYTHON_STDLIB, PYTHON_SYMBOLS } from "./names";

export type CodeFixKind = "add_import" | "fix_indentation" | "rename" | "close_bracket";
export type CodeFix = {
  kind: CodeFixKind;
  /** What applying it changes, in words. */
  description: string;
  /** The program's whole source once fixed. */
  source: string;
};

type Input = { language: CodeLanguage; fileName: string; source: string; error: ParsedError | BashError };

const PY_DEFINES = new Set(["def", "class", "import", "as", "for", "global", "nonlocal", "lambda"]);
const JS_DEFINES = new Set(["const", "let", "var", "function", "class", "import", "as"]);

/** Whether the program defines `name` itself somewhere (then the error is about order or scope, not spelling). */
function defines(code: string, name: string, definers: Set<string>): boolean {
  const ids = identifiers(code);
  return ids.some((id, i) => {
    if (id.name !== name || id.attribute) return false;
    if (i > 0 && definers.has(ids[i - 1].name)) return true;
    const after = code.slice(id.offset + name.length).trimStart();
    return after.startsWith("=") && !after.startsWith("==") && !after.startsWith("=>");
  });
}

/** Whether the program uses `name.something` (a module), not `name(…)` (a function or class). */
function usedAsModule(code: string, name: string): boolean {
  return identifiers(code).some((id) => id.name === name && !id.attribute && code[id.offset + name.length] === ".");
}

function missingImport(o: Input, name: string, code: string): CodeFix | null {
  const python = o.language === "python";
  const symbols = python ? PYTHON_SYMBOLS : NODE_SYMBOLS;
  const modules = python ? PYTHON_STDLIB : NODE_MODULES;
  const asModule = usedAsModule(code, name);
  let from: string | null = null;
  let symbol = false;
  if (symbols[name] && !(asModule && modules.has(name))) {
    from = symbols[name];
    symbol = true;
  } else if (modules.has(name)) from = name;
  if (!from) return null;
  const statement = importStatement({ language: o.language, fileName: o.fileName, source: o.source, name, module: from, symbol });
  const fixed = addImport({ language: o.language, source: o.source, statement });
  return { kind: "add_import", source: fixed.source, description: `Adds \`${statement}\` at line ${fixed.line} of ${o.fileName}, so ${name} is defined` };
}

function misspelling(o: Input, name: string, code: string, suggested: string | null): CodeFix | null {
  const python = o.language === "python";
  if (defines(code, name, python ? PY_DEFINES : JS_DEFINES)) return null;
  const known = python ? [...PYTHON_BUILTINS, ...namesInScope(code, PYTHON_KEYWORDS)] : [...JS_GLOBALS, ...namesInScope(code, JS_KEYWORDS)];
  const to = suggested && /^[A-Za-z_$][\w$]*$/.test(suggested) ? suggested : closestName(name, known);
  if (!to) return null;
  const fixed = renameName({ language: o.language, source: o.source, from: name, to });
  return fixed && { kind: "rename", source: fixed.source, description: `${fixed.description}: "${name}" is not defined, "${to}" is` };
}

function undefinedName(o: Input, name: string, suggested: string | null): CodeFix | null {
  const { code } = lex(o.language, o.source);
  return missingImport(o, name, code) ?? misspelling(o, name, code, suggested);
}

function indentation(o: Input): CodeFix | null {
  const { error } = o;
  if (!error.line) return null;
  let problem: IndentationProblem | null = null;
  if (error.errorType === "TabError") problem = { kind: "tabs", line: error.line };
  else if (error.message.startsWith("unexpected indent")) problem = { kind: "unexpected", line: error.line };
  else if (error.message.startsWith("expected an indented block")) {
    const after = / on line (\d+)/.exec(error.message);
    problem = { kind: "expected", line: error.line, after: after ? Number(after[1]) : error.line - 1 };
  } else if (error.message.startsWith("unindent does not match") || error.message.startsWith("unexpected unindent")) problem = { kind: "unindent", line: error.line };
  const fixed = problem && fixIndentation(o.source, problem);
  return fixed && { kind: "fix_indentation", ...fixed };
}

// Messages that mean "the file ended inside a bracket": the parser's position is the end of
// the file, which says nothing about where the closer belongs.
const AT_END = /never closed|unexpected EOF|incomplete input|end of input|'[)\]}]' expected/;

function brackets(o: Input): CodeFix | null {
  const { error, source } = o;
  const offset = error.line ? offsetAt(source, error.line, error.column ?? 1) : null;
  const atEnd = offset !== null && source.slice(offset).trim() === "";
  let fixed;
  if (/never closed/.test(error.message)) fixed = closeBrackets({ language: o.language, source, opener: offset });
  else fixed = closeBrackets({ language: o.language, source, at: offset !== null && error.column !== null && !(atEnd && AT_END.test(error.message)) ? offset : null });
  return fixed && { kind: "close_bracket", ...fixed };
}

function commandNotFound(o: Input & { error: BashError }): CodeFix | null {
  const { command, commandLines } = o.error;
  if (!command || !commandLines?.length) return null;
  const functions: string[] = [];
  for (const line of o.source.split("\n")) {
    const m = /^\s*(?:function\s+)?([A-Za-z_][\w-]*)\s*\(\s*\)/.exec(line) ?? /^\s*function\s+([A-Za-z_][\w-]*)/.exec(line);
    if (m) functions.push(m[1]);
  }
  const to = closestName(command, [...BASH_COMMANDS, ...functions]);
  const fixed = to && renameName({ language: "bash", source: o.source, from: command, to, lines: commandLines });
  return fixed ? { kind: "rename", source: fixed.source, description: `${fixed.description} on line ${commandLines.join(", ")}: there is no command "${command}"` } : null;
}

export function findFix(o: Input): CodeFix | null {
  const { error, language } = o;
  if (language === "python") {
    if (error.errorType === "NameError") {
      const name = /^name '([^']+)' is not defined/.exec(error.message)?.[1];
      const suggested = /Did you mean: '([^']+)'\?/.exec(error.message)?.[1] ?? null;
      return name ? undefinedName(o, name, suggested) : null;
    }
    if (error.errorType === "IndentationError" || error.errorType === "TabError") return indentation(o);
    if (error.errorType === "SyntaxError") return brackets(o);
    return null;
  }
  if (language === "bash") return error.errorType === "CommandNotFound" ? commandNotFound({ ...o, error }) : null;
  if (error.errorType === "ReferenceError") {
    const name = /^([A-Za-z_$][\w$]*) is not defined$/.exec(error.message)?.[1];
    return name ? undefinedName(o, name, null) : null;
  }
  if (error.errorType === "SyntaxError" || /^TS1\d{3}$/.test(error.errorType)) return brackets(o);
  return null;
}
