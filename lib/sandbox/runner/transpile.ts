// TypeScript runs under Node after the worker transpiles it (types stripped, no type check):
// every .ts/.tsx file of the run becomes CommonJS .js in the run's build folder, beside copies
// of its .js/.json files, so `import { x } from "./util"` finds util.ts's output. Inline source
// maps point stack traces back at the workspace's .ts lines.
import path from "node:path";

export type TranspileResult = { ok: true; files: { path: string; content: Uint8Array }[] } | { ok: false; errors: string };

const TS = /\.(ts|tsx|mts|cts)$/;
const COPIED = /\.(js|cjs|mjs|json)$/;

// typescript is large (~150 ms to load): only a TypeScript run pays for it.
let compiler: Promise<typeof import("typescript")> | undefined;
function typescript() {
  compiler ??= import("typescript").then((m) => (m as unknown as { default?: typeof import("typescript") }).default ?? m);
  return compiler;
}

/** The build folder's files for these workspace files; syntax errors as `file(line,col): error TSnnnn: …`. */
export async function transpile(o: { files: { path: string; content: Uint8Array }[]; entry: string; sourceRoot: string }): Promise<TranspileResult> {
  const ts = await typescript();
  // A util.ts and a util.js: the transpiled TypeScript wins.
  const out = new Map<string, Uint8Array>();
  const errors: string[] = [];
  for (const file of o.files) {
    const isEntry = file.path === o.entry;
    if (!isEntry && !TS.test(file.path)) {
      if (COPIED.test(file.path) && !out.has(file.path)) out.set(file.path, file.content);
      continue;
    }
    const source = Buffer.from(file.content).toString("utf8");
    const result = ts.transpileModule(source, {
      fileName: file.path,
      reportDiagnostics: true,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
        jsx: ts.JsxEmit.React,
        inlineSourceMap: true,
        sourceRoot: o.sourceRoot,
      },
    });
    for (const d of result.diagnostics ?? []) {
      const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
      if (d.file && d.start !== undefined) {
        const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
        errors.push(`${file.path}(${line + 1},${character + 1}): error TS${d.code}: ${text}`);
      } else errors.push(`${file.path}: error TS${d.code}: ${text}`);
    }
    out.set(jsPath(file.path), Buffer.from(result.outputText, "utf8"));
  }
  return errors.length ? { ok: false, errors: `${errors.join("\n")}\n` } : { ok: true, files: [...out].map(([p, content]) => ({ path: p, content })) };
}

/** main.ts → main.js (what Node runs for the entry). */
export function jsPath(p: string): string {
  const ext = path.posix.extname(p);
  return `${ext ? p.slice(0, -ext.length) : p}.js`;
}
