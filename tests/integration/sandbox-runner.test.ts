// The sandbox runner with real interpreters under real bubblewrap: each language runs, reads
// stdin and args; each limit ends a run with its status. The runner does not touch the
// database, so these run in the SQLite project only (the PostgreSQL one would repeat them).
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { config } from "../../lib/config";
import { ValidationError } from "../../lib/errors";
import { runProgram, type RunOptions } from "../../lib/sandbox/runner";
import { provider } from "../helpers/database";

const run = (o: RunOptions) => runProgram(o);

/** What `ps` on the host lists for a uid, zombies (already dead, waiting for their parent) left out. */
function liveProcessesOf(uid: number): string[] {
  const ps = spawnSync("ps", ["-u", String(uid), "-o", "stat=,args="], { encoding: "utf8" });
  return ps.stdout.split("\n").filter((l) => l.trim() && !l.trim().startsWith("Z"));
}

describe.runIf(provider === "sqlite")("sandbox runner: languages", () => {
  it("runs Python with stdin and args, and lists (and on request returns) the files it wrote", async () => {
    const r = await run({
      language: "python",
      files: [{ path: "data/in.txt", content: "from a file" }],
      code: "import sys\nprint('hello', sys.argv[1:], sys.stdin.read().strip(), open('data/in.txt').read())\nopen('out.txt', 'w').write('made here')\nopen('data/in.txt', 'a').write('!')\n",
      stdin: "from stdin\n",
      args: ["a", "b c"],
      collectFiles: true,
    });
    expect(r).toMatchObject({ status: "ok", exit_code: 0, stderr: "", isolation: "bwrap", stdout: "hello ['a', 'b c'] from stdin from a file\n" });
    expect(r.files_written).toEqual([
      { path: "data/in.txt", size: 12, content: "from a file!", encoding: "utf8" },
      { path: "out.txt", size: 9, content: "made here", encoding: "utf8" },
    ]);
    expect(r.limits).toEqual({ cpu_seconds: 5, wall_seconds: 10, memory_mb: 256, processes: 64, file_size_mb: 10, output_kb: 64, workspace_mb: 64 });
  });

  it("runs JavaScript (CommonJS or ES modules) with stdin and args", async () => {
    const r = await run({ language: "javascript", code: "const input = require('fs').readFileSync(0, 'utf8');\nconsole.log('js', process.argv.slice(2).join(','), input.trim());", stdin: "piped", args: ["x", "y"] });
    expect(r).toMatchObject({ status: "ok", stdout: "js x,y piped\n" });
    const esm = await run({ language: "javascript", entry: "app.mjs", files: [{ path: "lib.mjs", content: "export const n = 41;" }], code: "import { n } from './lib.mjs';\nconsole.log(n + 1);" });
    expect(esm).toMatchObject({ status: "ok", stdout: "42\n" });
  });

  it("runs TypeScript with type annotations, imports between .ts files, and points errors at the .ts line", async () => {
    const r = await run({
      language: "typescript",
      files: [{ path: "util.ts", content: "export interface Pair { a: number; b: number }\nexport const add = (p: Pair): number => p.a + p.b;\n" }],
      code: "import { add, type Pair } from './util';\nconst p: Pair = { a: 1, b: 2 };\nconst input: string = require('fs').readFileSync(0, 'utf8');\nconsole.log(add(p), input, process.argv[2]);\n\nthrow new Error('on line 6');\n",
      stdin: "in",
      args: ["arg"],
    });
    expect(r.stdout).toBe("3 in arg\n");
    expect(r.status).toBe("runtime_error");
    expect(r.stderr).toContain("/workspace/main.ts:6");
    const syntax = await run({ language: "typescript", code: "const x: number = ;\n" });
    expect(syntax).toMatchObject({ status: "runtime_error", exit_code: 1, stdout: "" });
    expect(syntax.stderr).toMatch(/^main\.ts\(1,19\): error TS1109/);
  });

  it("runs Bash with stdin and args, and reports a failing exit code", async () => {
    const r = await run({ language: "bash", code: 'read -r line\necho "bash $1 $line"\nexit 3\n', stdin: "text\n", args: ["one"] });
    expect(r).toMatchObject({ status: "runtime_error", exit_code: 3, stdout: "bash one text\n" });
  });

  it("streams output as it comes, and Stop kills the run", async () => {
    const stop = new AbortController();
    let seen = "";
    const r = await run({
      language: "python",
      code: "import time\nprint('first')\ntime.sleep(30)\nprint('never')",
      signal: stop.signal,
      onOutput: (stream, chunk) => {
        seen += `${stream}:${chunk}`;
        if (seen.endsWith("\n")) stop.abort();
      },
    });
    expect(seen.replaceAll("stdout:", "")).toBe("first\n");
    expect(r).toMatchObject({ status: "killed", stdout: "first\n" });
  });

  it("refuses bad options with the field named", async () => {
    await expect(run({ language: "python", code: "print(1)", limits: { cpu_seconds: 10_000 } })).rejects.toThrow(ValidationError);
    await expect(run({ language: "python", files: [{ path: "../x.py", content: "" }], code: "print(1)" })).rejects.toThrow(/files\[0\]\.path/);
    await expect(run({ language: "python", entry: "missing.py" })).rejects.toThrow(/entry/);
    await expect(run({ language: "ruby" as never, code: "" })).rejects.toThrow(/language/);
  });
});

describe.runIf(provider === "sqlite")("sandbox runner: limits", () => {
  it("an infinite loop ends with timeout at the CPU limit, a sleeping one at the wall-clock limit", async () => {
    const cpu = await run({ language: "python", code: "while True: pass", limits: { cpu_seconds: 1, wall_seconds: 5 } });
    expect(cpu).toMatchObject({ status: "timeout", signal: "SIGXCPU" });
    expect(cpu.message).toMatch(/CPU/);
    const wall = await run({ language: "bash", code: "sleep 30", limits: { wall_seconds: 1 } });
    expect(wall.status).toBe("timeout");
    expect(wall.message).toMatch(/1 s \(wall-clock limit\)/);
  });

  it("a big allocation ends with memory_limit in Python and in Node", async () => {
    const py = await run({ language: "python", code: "x = bytearray(1024 * 1024 * 1024)" });
    expect(py).toMatchObject({ status: "memory_limit" });
    expect(py.stderr).toContain("MemoryError");
    const buffer = await run({ language: "javascript", code: "const b = Buffer.alloc(1024 * 1024 * 1024); console.log(b.length);" });
    expect(buffer.status).toBe("memory_limit");
    const heap = await run({ language: "javascript", code: "const a = []; for (;;) a.push(new Array(1e6).fill(1.5));", limits: { memory_mb: 128 } });
    expect(heap.status).toBe("memory_limit");
  });

  it.runIf(process.getuid?.() === 0)("many processes, each under the limit, are held to it together", async () => {
    const code = "import os, time\nfor i in range(8):\n    if os.fork() == 0:\n        b = bytearray(100 * 1024 * 1024)\n        time.sleep(10)\n        os._exit(0)\nos.wait()\n";
    const r = await run({ language: "python", code, limits: { wall_seconds: 8 } });
    expect(r.status).toBe("memory_limit");
    expect(r.message).toMatch(/together used more than 256 MB/);
  });

  it("contains a fork bomb: the processes stop at the limit, and the run ends with nothing left", async () => {
    // Children that each wait: how many exist at once is what RLIMIT_NPROC caps.
    const py = await run({
      language: "python",
      code: "import os, time\nn = 0\nfor i in range(500):\n    try:\n        if os.fork() == 0:\n            time.sleep(60)\n            os._exit(0)\n        n += 1\n    except OSError:\n        break\nprint(n)\n",
      limits: { wall_seconds: 5 },
    });
    expect(py.status).toBe("ok");
    expect(Number(py.stdout)).toBeGreaterThan(10);
    expect(Number(py.stdout)).toBeLessThan(64);
    // The classic one: the run ends (at the wall clock at the latest) with none of its
    // processes left on the host, and the next run works. Slot 30 is this test's alone.
    const bomb = await run({ language: "bash", code: "bomb() { bomb | bomb & }\nbomb\nsleep 1\necho still here", limits: { wall_seconds: 2 }, slot: 30 });
    expect(["ok", "timeout"]).toContain(bomb.status);
    expect(liveProcessesOf(config.sandbox.uidBase + 30)).toEqual([]);
    expect((await run({ language: "bash", code: "echo fine" })).stdout).toBe("fine\n");
  });

  it("a huge print ends with output_limit, the output cut at the limit and marked", async () => {
    const r = await run({ language: "python", code: "import sys\nsys.stderr.write('warning\\n')\nwhile True:\n    print('x' * 1000)\n" });
    expect(r.status).toBe("output_limit");
    expect(r.stdout_truncated).toBe(true);
    expect(r.stderr_truncated).toBe(false);
    expect(Buffer.byteLength(r.stdout)).toBe(64 * 1024);
    expect(r.stderr).toBe("warning\n");
  });

  it("a file over the size limit, or too many files, ends with output_limit", async () => {
    const big = await run({ language: "bash", code: "head -c 3000000 /dev/zero > big.bin", limits: { file_size_mb: 1 } });
    expect(big.status).toBe("output_limit");
    expect(big.files_written).toEqual([{ path: "big.bin", size: 1024 * 1024 }]);
    const many = await run({ language: "bash", code: "for i in $(seq 1 40); do head -c 1000000 /dev/zero > f$i; done; sleep 5", limits: { workspace_mb: 8, wall_seconds: 8 } });
    expect(many.status).toBe("output_limit");
    expect(many.message).toMatch(/8 MB of files/);
  });
});
