// Issue 12, item 5: the diagnosis of failed runs, from what the real interpreters print. Each
// program below is run with python3 / node / bash (TypeScript through Grace's own transpile
// step), its stderr diagnosed, and every fix is run again to prove the fixed program works.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diagnoseRun, type CodeFixKind } from "../../lib/code/diagnose-run";
import { transpile } from "../../lib/sandbox/runner/transpile";
import { interpreterFor } from "../../lib/sandbox/runner/tools";

type Language = "python" | "javascript" | "typescript" | "bash";
type Ran = { stdout: string; stderr: string; exitCode: number | null };

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Runs `source` as `fileName` the way the sandbox does: from its workspace folder, by relative path. */
async function run(language: Language, fileName: string, source: string, stdin = ""): Promise<Ran> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "grace-diagnose-"));
  dirs.push(dir);
  writeFileSync(path.join(dir, fileName), source);
  let entry = fileName;
  if (language === "typescript") {
    const built = await transpile({ files: [{ path: fileName, content: Buffer.from(source) }], entry: fileName, sourceRoot: dir });
    if (!built.ok) return { stdout: "", stderr: built.errors, exitCode: 1 };
    mkdirSync(path.join(dir, "build"));
    for (const f of built.files) writeFileSync(path.join(dir, "build", f.path), f.content);
    entry = path.join("build", fileName.replace(/\.ts$/, ".js"));
  }
  // The interpreters the sandbox runs (lib/sandbox/runner/tools.ts), so the messages are theirs.
  const program = interpreterFor(language).path;
  const argv = { python: [program, entry], javascript: [program, entry], typescript: [program, "--enable-source-maps", entry], bash: [program, entry] }[language];
  const child = spawn(argv[0], argv.slice(1), { cwd: dir, env: { ...process.env, NODE_OPTIONS: "", LANG: "C.UTF-8", NO_COLOR: "1" } });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  // A program that fails before reading its stdin ("if" without "fi") closes the pipe: EPIPE is expected.
  child.stdin.on("error", () => {});
  child.stdin.end(stdin);
  const exitCode = await new Promise<number | null>((resolve, reject) => child.on("error", reject).on("close", (code) => resolve(code)));
  return { stdout, stderr, exitCode };
}

const diagnose = (language: Language, fileName: string, source: string, ran: Ran) =>
  diagnoseRun({ language, fileName, source, ...ran, status: ran.exitCode === 0 ? "ok" : "runtime_error" });

type Case = {
  name: string;
  language: Language;
  file?: string;
  source: string;
  errorType: string;
  line: number | null;
  column?: number | null;
  /** The fix expected and what the fixed program prints; absent: no fix. */
  fix?: { kind: CodeFixKind; stdout: string; source?: string };
};

const DEFAULT_FILE: Record<Language, string> = { python: "main.py", javascript: "main.js", typescript: "main.ts", bash: "main.sh" };

const CASES: Case[] = [
  // ── Python ──
  { name: "a stdlib module used without its import", language: "python", source: "x = 2\nprint(math.sqrt(x))\n", errorType: "NameError", line: 2, column: 7, fix: { kind: "add_import", stdout: "1.4142135623730951\n", source: "import math\nx = 2\nprint(math.sqrt(x))\n" } },
  {
    name: "a stdlib name used without its import, after the docstring and imports",
    language: "python",
    source: '"""Counts."""\nfrom collections import Counter\n\nc = Counter("aab")\nd = defaultdict(int)\nprint(len(d), c["a"])\n',
    errorType: "NameError",
    line: 5,
    fix: { kind: "add_import", stdout: "0 2\n", source: '"""Counts."""\nfrom collections import Counter\nfrom collections import defaultdict\n\nc = Counter("aab")\nd = defaultdict(int)\nprint(len(d), c["a"])\n' },
  },
  { name: "a misspelled builtin", language: "python", source: "def f():\n    return 1\nprnt(f())\n", errorType: "NameError", line: 3, column: 1, fix: { kind: "rename", stdout: "1\n", source: "def f():\n    return 1\nprint(f())\n" } },
  {
    name: "a misspelled name the file defines",
    language: "python",
    source: "def main():\n    print(total(2, 3))\n\ndef totl(a, b):\n    return a + b\n\nmain()\n",
    errorType: "NameError",
    line: 2,
    fix: { kind: "rename", stdout: "5\n" },
  },
  { name: "an unknown name with nothing near it", language: "python", source: "print(zzqx_unknown)\n", errorType: "NameError", line: 1 },
  { name: "an unexpected indent", language: "python", source: "def f():\n    x = 1\n      y = 2\n    return x + y\nprint(f())\n", errorType: "IndentationError", line: 3, fix: { kind: "fix_indentation", stdout: "3\n" } },
  {
    name: "an unexpected indent of a whole block",
    language: "python",
    source: "x = 5\n  if x > 1:\n      print('big')\nprint('done')\n",
    errorType: "IndentationError",
    line: 2,
    fix: { kind: "fix_indentation", stdout: "big\ndone\n", source: "x = 5\nif x > 1:\n    print('big')\nprint('done')\n" },
  },
  { name: "a block with nothing indented in it", language: "python", source: "def f():\nreturn 1\nprint(f())\n", errorType: "IndentationError", line: 2, fix: { kind: "fix_indentation", stdout: "1\n", source: "def f():\n    return 1\nprint(f())\n" } },
  { name: "an unindent to no outer level", language: "python", source: "if True:\n    x = 1\n  y = 2\nprint(x, y)\n", errorType: "IndentationError", line: 3, fix: { kind: "fix_indentation", stdout: "1 2\n" } },
  { name: "tabs mixed with spaces", language: "python", source: "if True:\n    x = 1\n\ty = 2\nprint(x + y)\n", errorType: "TabError", line: 3, fix: { kind: "fix_indentation", stdout: "3\n" } },
  { name: "a parenthesis never closed", language: "python", source: "print((1 + 2)\nx = 3\nprint(x)\n", errorType: "SyntaxError", line: 1, column: 6, fix: { kind: "close_bracket", stdout: "3\n3\n", source: "print((1 + 2))\nx = 3\nprint(x)\n" } },
  {
    name: "a parenthesis never closed in a multi-line expression",
    language: "python",
    source: "def f(x):\n    return (x +\n        1\n\nprint(f(1))\n",
    errorType: "SyntaxError",
    line: 2,
    fix: { kind: "close_bracket", stdout: "2\n", source: "def f(x):\n    return (x +\n        1)\n\nprint(f(1))\n" },
  },
  { name: "a closing bracket of the wrong kind", language: "python", source: "def add(a, b):\n    return a + b\nprint(add(1, 2])\n", errorType: "SyntaxError", line: 3, fix: { kind: "close_bracket", stdout: "3\n" } },
  { name: "a list left open inside a dict", language: "python", source: 'd = {\n    "a": 1,\n    "b": [1, 2,\n}\nprint(d["b"])\n', errorType: "SyntaxError", line: 4, fix: { kind: "close_bracket", stdout: "[1, 2]\n" } },
  { name: "a parenthesis left open before a block's colon", language: "python", source: "x = 3\nif (x > 1:\n    print(x)\n", errorType: "SyntaxError", line: 2, fix: { kind: "close_bracket", stdout: "3\n" } },
  { name: "an unmatched closing parenthesis", language: "python", source: "print(1))\n", errorType: "SyntaxError", line: 1, fix: { kind: "close_bracket", stdout: "1\n", source: "print(1)\n" } },
  { name: "a missing colon (balanced brackets: no bracket fix)", language: "python", source: "x = 1\nif x == 1\n    print(x)\n", errorType: "SyntaxError", line: 2 },
  { name: "a runtime error inside a function: the innermost frame of the file", language: "python", source: "def ratio(a, b):\n    return a / b\n\nprint(ratio(1, 0))\n", errorType: "ZeroDivisionError", line: 2 },
  { name: "a module the sandbox does not have", language: "python", source: "import numpyy\n", errorType: "ModuleNotFoundError", line: 1 },
  { name: "input() with no stdin", language: "python", source: "name = input()\nprint(name)\n", errorType: "EOFError", line: 1 },
  // ── JavaScript ──
  { name: "a node module used without require", language: "javascript", source: 'const x = 1;\nconsole.log(fs.existsSync("main.js"), x);\n', errorType: "ReferenceError", line: 2, column: 13, fix: { kind: "add_import", stdout: "true 1\n", source: 'const fs = require("node:fs");\nconst x = 1;\nconsole.log(fs.existsSync("main.js"), x);\n' } },
  { name: "a node function used without require", language: "javascript", source: '"use strict";\nconst os = require("os");\nconsole.log(typeof os.cpus, readFileSync("main.js", "utf8").length > 0);\n', errorType: "ReferenceError", line: 3, fix: { kind: "add_import", stdout: "function true\n" } },
  { name: "a node module used without import in an ES module", language: "javascript", file: "main.mjs", source: 'console.log(path.join("a", "b"));\n', errorType: "ReferenceError", line: 1, fix: { kind: "add_import", stdout: "a/b\n", source: 'import path from "node:path";\nconsole.log(path.join("a", "b"));\n' } },
  { name: "a misspelled global", language: "javascript", source: "function f() { return 1; }\nconsle.log(f());\n", errorType: "ReferenceError", line: 2, column: 1, fix: { kind: "rename", stdout: "1\n" } },
  { name: "a misspelled function of the file, used twice", language: "javascript", source: "function greet(n) { return `hi ${n}`; }\nconsole.log(gret('a'));\nconsole.log(gret('b'));\n", errorType: "ReferenceError", line: 2, fix: { kind: "rename", stdout: "hi a\nhi b\n" } },
  { name: "a missing ) after an argument list", language: "javascript", source: "console.log((1 + 2);\nconst y = 3;\n", errorType: "SyntaxError", line: 1, column: 19, fix: { kind: "close_bracket", stdout: "3\n", source: "console.log((1 + 2));\nconst y = 3;\n" } },
  { name: "an array never closed", language: "javascript", source: "const a = [1, 2,\n  3;\nconsole.log(a.length);\n", errorType: "SyntaxError", line: 2, fix: { kind: "close_bracket", stdout: "3\n" } },
  { name: "a function body never closed", language: "javascript", source: "function f() {\n  return 1;\n\nconsole.log(f());\n", errorType: "SyntaxError", line: 5, fix: { kind: "close_bracket", stdout: "1\n", source: "function f() {\n  return 1;\n}\n\nconsole.log(f());\n" } },
  { name: "an if condition never closed", language: "javascript", source: "const x = 2;\nif (x > 1 {\n  console.log(x);\n}\n", errorType: "SyntaxError", line: 2, column: 11, fix: { kind: "close_bracket", stdout: "2\n" } },
  { name: "a property of null", language: "javascript", source: "const o = null;\nconsole.log(o.x);\n", errorType: "TypeError", line: 2, column: 15 },
  { name: "an error thrown two calls deep", language: "javascript", source: 'function go() {\n  return helper();\n}\nfunction helper() {\n  throw new Error("boom");\n}\ngo();\n', errorType: "Error", line: 5, column: 9 },
  // ── TypeScript ──
  { name: "TypeScript: ')' expected", language: "typescript", source: "const n: number = 1;\nconsole.log((n + 2);\n", errorType: "TS1005", line: 2, column: 20, fix: { kind: "close_bracket", stdout: "3\n" } },
  { name: "TypeScript: '}' expected at the end", language: "typescript", source: "function f(): number {\n  return 1;\n\nconsole.log(f());\n", errorType: "TS1005", line: 5, fix: { kind: "close_bracket", stdout: "1\n" } },
  { name: "TypeScript: a node module used without import", language: "typescript", source: "const n: number = 2;\nconsole.log(os.EOL.length + n);\n", errorType: "ReferenceError", line: 2, column: 13, fix: { kind: "add_import", stdout: "3\n" } },
  { name: "TypeScript: a misspelled global", language: "typescript", source: 'const s: string = "x";\nconsle.log(s);\n', errorType: "ReferenceError", line: 2, fix: { kind: "rename", stdout: "x\n" } },
  { name: "TypeScript: a runtime error is placed in the .ts file", language: "typescript", source: "type P = { x: number };\nconst p = null as unknown as P;\nconsole.log(p.x);\n", errorType: "TypeError", line: 3, column: 15 },
  // ── Bash ──
  { name: "a misspelled command", language: "bash", source: 'echo hi\nech "hello"\n', errorType: "CommandNotFound", line: 2, fix: { kind: "rename", stdout: "hi\nhello\n", source: 'echo hi\necho "hello"\n' } },
  { name: "a misspelled function of the script", language: "bash", source: 'greet() { echo "hi $1"; }\ngreeet bob\n', errorType: "CommandNotFound", line: 2, fix: { kind: "rename", stdout: "hi bob\n" } },
  { name: "a command that exists nowhere", language: "bash", source: "zzqx_tool --help\n", errorType: "CommandNotFound", line: 1 },
  { name: "an if without fi", language: "bash", source: "if [ 1 -eq 1 ]; then\n  echo yes\n", errorType: "SyntaxError", line: 3 },
  { name: "an unexpected token", language: "bash", source: "if [ 1 -eq 1 ]; then\n  echo yes\nfi fi\n", errorType: "SyntaxError", line: 3 },
];

// Concurrent: each case is its own processes in its own folder.
describe.concurrent("diagnoseRun on real interpreter output", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const file = c.file ?? DEFAULT_FILE[c.language];
    const ran = await run(c.language, file, c.source);
    expect(ran.exitCode, `${c.name}: the program must fail\n${ran.stderr}`).not.toBe(0);
    const d = diagnose(c.language, file, c.source, ran);
    expect(d, ran.stderr).not.toBeNull();
    expect({ errorType: d!.errorType, file: d!.file, line: d!.line }, ran.stderr).toEqual({ errorType: c.errorType, file, line: c.line });
    if (c.column !== undefined) expect(d!.column, ran.stderr).toBe(c.column);
    expect(d!.summary).toContain(c.errorType);
    expect(d!.explanation.length).toBeGreaterThan(10);
    expect(d!.likelyCause.length).toBeGreaterThan(10);
    if (!c.fix) {
      expect(d!.fix, JSON.stringify(d!.fix)).toBeNull();
      return;
    }
    expect(d!.fix?.kind, `${ran.stderr}\n${JSON.stringify(d)}`).toBe(c.fix.kind);
    expect(d!.fix!.description).not.toMatch(/would/i);
    if (c.fix.source !== undefined) expect(d!.fix!.source).toBe(c.fix.source);
    // The fixed program runs, and does what the original meant to.
    const again = await run(c.language, file, d!.fix!.source);
    expect(again, d!.fix!.source).toMatchObject({ exitCode: 0, stdout: c.fix.stdout });
  }, 30_000);
});

describe("diagnoseRun on messages of other versions (pasted as printed)", () => {
  it("Python 3.8's 'invalid syntax' after an unclosed bracket closes it where its expression ends", () => {
    const source = "total = sum([1, 2,\n             3\nprint(total)\n";
    const stderr = '  File "/workspace/main.py", line 3\n    print(total)\n    ^\nSyntaxError: invalid syntax\n';
    const d = diagnoseRun({ language: "python", fileName: "main.py", source, stdout: "", stderr, exitCode: 1, status: "runtime_error" });
    expect(d).toMatchObject({ errorType: "SyntaxError", file: "main.py", line: 3, fix: { kind: "close_bracket", source: "total = sum([1, 2,\n             3])\nprint(total)\n" } });
  });

  it("Python 3.12's 'Did you forget to import' adds the import", () => {
    const source = "print(json.dumps([1]))\n";
    const stderr = `Traceback (most recent call last):\n  File "/workspace/main.py", line 1, in <module>\n    print(json.dumps([1]))\n          ^^^^\nNameError: name 'json' is not defined. Did you forget to import 'json'?\n`;
    const d = diagnoseRun({ language: "python", fileName: "main.py", source, stdout: "", stderr, exitCode: 1, status: "runtime_error" });
    expect(d?.fix).toMatchObject({ kind: "add_import", source: "import json\nprint(json.dumps([1]))\n" });
  });

  it("an error in another of the person's files points there, with no fix for the run's file", () => {
    const stderr = `Traceback (most recent call last):\n  File "/workspace/main.py", line 1, in <module>\n    import util\n  File "/workspace/lib/util.py", line 2, in <module>\n    prnt("x")\nNameError: name 'prnt' is not defined. Did you mean: 'print'?\n`;
    const d = diagnoseRun({ language: "python", fileName: "main.py", source: "import util\n", stdout: "", stderr, exitCode: 1, status: "runtime_error" });
    expect(d).toMatchObject({ errorType: "NameError", file: "lib/util.py", line: 2, fix: null });
  });

  it("a frame in the interpreter's own files is never the file", () => {
    const stderr = `Traceback (most recent call last):\n  File "/usr/lib/python3.11/json/__init__.py", line 346, in loads\n    return _default_decoder.decode(s)\nValueError: bad\n`;
    const d = diagnoseRun({ language: "python", fileName: "main.py", source: "", stdout: "", stderr, exitCode: 1, status: "runtime_error" });
    expect(d).toMatchObject({ errorType: "ValueError", file: null, line: null, fix: null });
  });
});

describe("diagnoseRun by run status", () => {
  const base = { language: "python", fileName: "main.py", source: "while True:\n    pass\n", stdout: "", stderr: "" };

  it.each([
    ["timeout", "Timeout"],
    ["memory_limit", "MemoryLimit"],
    ["output_limit", "OutputLimit"],
  ])("%s: a diagnosis, never a fix", (status, errorType) => {
    const d = diagnoseRun({ ...base, exitCode: 137, status });
    expect(d).toMatchObject({ errorType, file: "main.py", line: null, fix: null });
    expect(d!.summary).toMatch(/^Stopped: /);
  });

  it("a limit hit with a traceback keeps its place", () => {
    const stderr = `Traceback (most recent call last):\n  File "/workspace/main.py", line 1, in <module>\n    x = "a" * (10**12)\nMemoryError\n`;
    expect(diagnoseRun({ ...base, source: 'x = "a" * (10**12)\n', stderr, exitCode: 1, status: "memory_limit" })).toMatchObject({ errorType: "MemoryLimit", line: 1, message: "MemoryError", fix: null });
  });

  it.each([
    ["killed", 137],
    ["failed", null],
    ["ok", 0],
    ["queued", null],
  ] as const)("%s (exit %s): nothing to diagnose", (status, exitCode) => {
    expect(diagnoseRun({ ...base, exitCode, status })).toBeNull();
  });

  it("a non-zero exit with nothing printed", () => {
    expect(diagnoseRun({ ...base, exitCode: 3, status: "runtime_error" })).toMatchObject({ errorType: "ExitCode", summary: "The program exited with code 3", fix: null });
  });

  it("an exit by a signal names it", () => {
    expect(diagnoseRun({ ...base, language: "bash", fileName: "main.sh", exitCode: 139, status: "runtime_error" })).toMatchObject({ errorType: "SIGSEGV", fix: null });
  });

  it("the last line a script printed to stderr, when no interpreter error is recognised", async () => {
    const source = "cat /nonexistent-grace-file\nexit 3\n";
    const ran = await run("bash", "main.sh", source);
    expect(diagnose("bash", "main.sh", source, ran)).toMatchObject({ errorType: "ExitCode", message: expect.stringContaining("No such file or directory"), fix: null });
  }, 30_000);
});
