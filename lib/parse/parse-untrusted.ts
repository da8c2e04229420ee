// Parses an untrusted file (PDF, HTML, JSON) in a child process under OS limits, so a file
// built to exhaust memory or CPU (a PDF stream that inflates to gigabytes, HTML nested
// 100,000 deep) costs the child, never the web or worker process, which keeps answering.
// worker_threads' resourceLimits would not do: they leave ArrayBuffers (where pdf.js inflates)
// uncapped. prlimit caps the data segment (RLIMIT_DATA; `--as` kills Node at start) and CPU
// seconds; a timer kills the child at the wall-clock limit.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { config } from "../config";
import { UnavailableError } from "../errors";
import { Semaphore } from "async-mutex";
import { ParseRefusedError, formatBytes, type ChildAnswer, type ParseKind } from "./protocol";

let slots: { size: number; semaphore: Semaphore } | undefined;
function children(size: number): Semaphore {
  if (slots?.size !== size) slots = { size, semaphore: new Semaphore(size) };
  return slots.semaphore;
}

// The child is a TypeScript file run with tsx, found from the working directory: the web
// server and the worker run from the repository root, and `next build` bundles route
// handlers, so a path relative to this module would point into .next/.
const CHILD_SCRIPT = ["lib", "parse", "child.ts"];
// The child gets no environment of ours (it holds the database URL and secrets), only a PATH.
const CHILD_ENV: NodeJS.ProcessEnv = { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", LANG: "C.UTF-8", NODE_ENV: "production" };
// Signals of a process that ran out of memory: V8 aborts when the heap cannot grow, and
// segfaults when an ArrayBuffer's backing store cannot be mapped under RLIMIT_DATA.
const OUT_OF_MEMORY = new Set(["SIGSEGV", "SIGABRT", "SIGBUS", "SIGTRAP", "SIGILL"]);
const STDERR_KEEP = 8 * 1024;

export type Parsed = { text: string; title?: string };

type Exit = { code: number | null; signal: NodeJS.Signals | null; stdout: Buffer; stderr: string; timedOut: boolean; overflowed: boolean; stdinError?: Error };

/**
 * The text of an untrusted file, parsed in a child process. Throws ParseRefusedError with a
 * safe message when the file is not what it claims or goes over a limit (each limit named:
 * "needs more than 256 MB of memory to parse (the limit)"), UnavailableError when prlimit is
 * missing (nothing is parsed unprotected), and a plain Error when the child fails otherwise.
 */
export async function parseUntrusted(o: { kind: ParseKind; bytes: Uint8Array; signal?: AbortSignal }): Promise<Parsed> {
  const limits = config.parse;
  const script = path.resolve(/* turbopackIgnore: true */ process.cwd(), ...CHILD_SCRIPT);
  if (!existsSync(script)) throw new Error(`the parsing child ${script} is missing: start Grace from its own folder (the one with package.json)`);
  const args = [
    `--data=${limits.memoryMb * 1024 * 1024}`,
    // Soft limit: SIGXCPU says "CPU"; the hard one a second later is the backstop.
    `--cpu=${limits.cpuSeconds}:${limits.cpuSeconds + 1}`,
    "--core=0",
    "--",
    process.execPath,
    `--max-old-space-size=${limits.memoryMb}`,
    "--import",
    "tsx",
    script,
    o.kind,
    String(limits.maxTextBytes),
    String(limits.maxDepth),
  ];
  // JSON escaping can turn a character into six; anything larger is not an answer.
  const maxStdout = limits.maxTextBytes * 6 + 64 * 1024;
  // At most GRACE_PARSE_CONCURRENCY children at once per process: each may take the whole
  // memory limit, so a burst of uploads queues here instead of exhausting the machine.
  const exit = await children(limits.concurrency).runExclusive(() => run({ command: limits.prlimit, args, input: o.bytes, timeoutMs: limits.timeoutMs, maxStdout, signal: o.signal }));

  if (exit.timedOut) throw new ParseRefusedError("timeout", `took more than ${seconds(limits.timeoutMs)} to parse (the limit)`);
  if (exit.overflowed) throw refusal("text");
  if (exit.signal === "SIGXCPU" || exit.signal === "SIGKILL") throw refusal("cpu");
  if ((exit.signal && OUT_OF_MEMORY.has(exit.signal)) || /out of memory|allocation failed/i.test(exit.stderr)) throw refusal("memory");
  if (exit.code !== 0) {
    throw new Error(`the parsing child for a ${o.kind} file exited with ${exit.signal ?? `code ${exit.code}`}: ${exit.stderr.trim() || "(no output)"}`, { cause: exit.stdinError });
  }

  let answer: ChildAnswer;
  try {
    answer = JSON.parse(exit.stdout.toString("utf8")) as ChildAnswer;
  } catch (error) {
    throw new Error(`the parsing child for a ${o.kind} file answered something that is not JSON`, { cause: error });
  }
  if (!answer.ok) throw answer.reason === "invalid" ? new ParseRefusedError("invalid", answer.message ?? "cannot be parsed") : refusal(answer.reason);
  if (Buffer.byteLength(answer.text) > limits.maxTextBytes) throw refusal("text");
  return answer.title === undefined ? { text: answer.text } : { text: answer.text, title: answer.title };
}

function refusal(reason: "depth" | "text" | "memory" | "cpu"): ParseRefusedError {
  const limits = config.parse;
  const message = {
    depth: `nests deeper than ${limits.maxDepth} levels (the limit)`,
    text: `has more than ${formatBytes(limits.maxTextBytes)} of text (the limit)`,
    memory: `needs more than ${limits.memoryMb} MB of memory to parse (the limit)`,
    cpu: `needs more than ${limits.cpuSeconds} s of CPU time to parse (the limit)`,
  }[reason];
  return new ParseRefusedError(reason, message);
}

function seconds(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

function run(o: { command: string; args: string[]; input: Uint8Array; timeoutMs: number; maxStdout: number; signal?: AbortSignal }): Promise<Exit> {
  return new Promise((resolve, reject) => {
    o.signal?.throwIfAborted();
    const child = spawn(o.command, o.args, { env: CHILD_ENV, stdio: ["pipe", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = "";
    let timedOut = false;
    let overflowed = false;
    let settled = false;
    let stdinError: Error | undefined;
    const kill = () => child.kill("SIGKILL");
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, o.timeoutMs);
    const onAbort = () => kill();
    o.signal?.addEventListener("abort", onAbort, { once: true });
    const finish = (done: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      o.signal?.removeEventListener("abort", onAbort);
      done();
    };

    child.on("error", (error: NodeJS.ErrnoException) =>
      finish(() => {
        kill();
        if (error.code === "ENOENT") {
          console.error(`[parse] "${o.command}" was not found: install util-linux (apt-get install util-linux) or set GRACE_PARSE_PRLIMIT to its path. Files are not parsed without it.`);
          reject(new UnavailableError("Files cannot be parsed on this server: prlimit (util-linux) is missing. Ask the operator to install it.", { cause: error }));
        } else reject(error);
      }),
    );
    child.stdout.on("data", (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > o.maxStdout) {
        overflowed = true;
        kill();
      } else stdout.push(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString("utf8")).slice(-STDERR_KEEP);
    });
    child.on("close", (code, signal) =>
      finish(() => {
        if (o.signal?.aborted) reject(o.signal.reason);
        else resolve({ code, signal, stdout: Buffer.concat(stdout), stderr, timedOut, overflowed, stdinError });
      }),
    );
    // A child that dies early (a limit hit while it reads) closes its stdin: EPIPE here is
    // expected, and the exit status says why it died; kept as the cause of an unexplained exit.
    child.stdin.on("error", (error) => (stdinError = error));
    child.stdin.end(o.input);
  });
}
