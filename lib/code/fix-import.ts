// Adds a missing import at the top of a program: after a shebang, an encoding line, a module
// docstring or "use strict", and after the imports already there, so it reads as if written
// by hand.
import { lex } from "./lex";
import { lineStartDepths } from "./brackets";
import { splitLines, type CodeLanguage } from "./languages";

export type ImportFix = { statement: string; source: string; line: number };

/** The import statement a program needs for `name`, taken from `module` (whole, or `symbol` from it). */
export function importStatement(o: { language: CodeLanguage; fileName: string; source: string; name: string; module: string; symbol: boolean }): string {
  if (o.language === "python") return o.symbol ? `from ${o.module} import ${o.name}` : `import ${o.module}`;
  const esm = usesModuleSyntax(o);
  const spec = `"node:${o.module}"`;
  if (esm) return o.symbol ? `import { ${o.name} } from ${spec};` : `import ${o.name} from ${spec};`;
  return o.symbol ? `const { ${o.name} } = require(${spec});` : `const ${o.name} = require(${spec});`;
}

/** Whether a JavaScript/TypeScript file is written as an ES module (TypeScript always may be: Grace transpiles it). */
function usesModuleSyntax(o: { language: CodeLanguage; fileName: string; source: string }): boolean {
  const lower = o.fileName.toLowerCase();
  if (lower.endsWith(".cjs") || lower.endsWith(".cts")) return false;
  if (o.language === "typescript" || lower.endsWith(".mjs") || lower.endsWith(".mts")) return true;
  const { code } = lex(o.language, o.source);
  return splitLines(code).some((l) => /^(?:import\s*[\w{*"']|export\s)/.test(l));
}

/** The source with `statement` on a line of its own where imports go. */
export function addImport(o: { language: CodeLanguage; source: string; statement: string }): ImportFix {
  const lines = o.source.split("\n");
  const at = importLine(o.language, o.source);
  lines.splice(at, 0, o.statement);
  return { statement: o.statement, source: lines.join("\n"), line: at + 1 };
}

/** 0-based line before which a new import goes. */
function importLine(language: CodeLanguage, source: string): number {
  const { code, linesInString } = lex(language, source);
  const view = splitLines(code);
  const depthAt = lineStartDepths(code);
  const inside = (j: number) => depthAt[j] > 0 || linesInString.has(j);
  const isImport = (l: string) => (language === "python" ? /^(?:import|from)\s/.test(l) : /^(?:import[\s{*"']|(?:const|let|var)\s[^=]*=\s*require\s*\()/.test(l));
  // Header: shebang, encoding declaration, comments, blank lines (all blank in the code view).
  let i = 0;
  while (i < view.length && view[i].trim() === "" && !inside(i)) i++;
  let after = i;
  // A docstring ("""…""") or "use strict" opening the file.
  if (i < view.length && /^["'`]/.test(view[i].trim())) {
    let j = i + 1;
    while (j < view.length && linesInString.has(j)) j++;
    after = i = j;
  }
  // The imports already there, with the blank and comment lines between them.
  for (let j = i; j < view.length; j++) {
    const l = view[j].trim();
    if (l === "" || inside(j)) continue;
    if (!isImport(l)) break;
    let end = j;
    while (end + 1 < view.length && inside(end + 1)) end++;
    after = end + 1;
    j = end;
  }
  return after;
}
