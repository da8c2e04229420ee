// Runs one program in isolation: a fresh workspace with the user's files, the configured
// isolation (bubblewrap, or process mode when an admin chose it), the run's limits, and a
// result saying how it ended. Only the worker calls this (job kind sandbox_run): the web
// process never runs user code.
import { mkdir } from "node:fs/promises";
import { config } from "../../config";
import { UnavailableError, invalid } from "../../errors";
import { resolveLimits } from "../limits";
import { INSIDE, buildCommand } from "./command";
import { execute } from "./execute";
import { killAllOf, memoryOf } from "./reap";
import { acquireSlot } from "./slots";
import { classify, normalizeExit } from "./status";
import { findProgram, interpreterFor, isolationTools } from "./tools";
import { jsPath, transpile } from "./transpile";
import { LANGUAGES, type RunOptions, type RunResult } from "./types";
import { createRunDir, ensureRoot, removeRunDir, toBytes, workspacePath, workspaceUsage, writeFiles, writtenFiles } from "./workspace";

const DEFAULT_ENTRY = { python: "main.py", javascript: "main.js", typescript: "main.ts", bash: "main.sh" } as const;
const MAX_ARGS = 256;
// More entries than this in the workspace stop the run like a full one (the watcher walks it).
const MAX_WORKSPACE_ENTRIES = 10_000;

/**
 * Runs one program and says how it ended. Throws ValidationError for bad options (a path
 * outside the workspace, a limit over its maximum), UnavailableError when the sandbox cannot
 * run here (bubblewrap missing: the message says how to install it) or every slot is busy.
 * A program's own failure is never thrown: it is the result's status.
 */
export async function runProgram(o: RunOptions): Promise<RunResult> {
  if (!(LANGUAGES as readonly string[]).includes(o.language)) throw invalid("language", `must be one of ${LANGUAGES.join(", ")}`);
  const limits = resolveLimits(o.limits ?? {});
  const args = o.args ?? [];
  if (!Array.isArray(args) || args.length > MAX_ARGS || args.some((a) => typeof a !== "string" || a.includes("\0"))) {
    throw invalid("args", `must be at most ${MAX_ARGS} strings without NUL characters`);
  }
  const entry = workspacePath(o.entry ?? DEFAULT_ENTRY[o.language], "entry");
  const inputs = new Map<string, Uint8Array>();
  (o.files ?? []).forEach((f, i) => {
    const p = workspacePath(f.path, `files[${i}].path`);
    if (inputs.has(p)) throw invalid(`files[${i}].path`, `"${p}" is given twice`);
    inputs.set(p, toBytes(f.content));
  });
  if (o.code !== undefined) inputs.set(entry, toBytes(o.code));
  if (!inputs.has(entry)) throw invalid("entry", `"${entry}" is not one of the files (send it in files or as code)`);
  const inputBytes = [...inputs.values()].reduce((sum, b) => sum + b.length, 0);
  if (inputBytes > limits.workspace_mb * 1024 * 1024) throw invalid("files", `hold more than the workspace limit of ${limits.workspace_mb} MB`);

  const tools = isolationTools();
  const interpreter = interpreterFor(o.language);
  const helpers = { bash: findProgram("bash") ?? "/bin/bash", kill: findProgram("kill") ?? "/bin/kill" };
  const root = config.sandbox.dir;
  await ensureRoot(root);
  const slot = await acquireSlot({ root, slot: o.slot });
  let runDir: string | undefined;
  try {
    // Process mode has no PID namespace: a worker that died mid-run (no --die-with-parent
    // there) may have left the slot's uid with processes. They go before the slot is reused.
    if (tools.mode === "process" && slot.ownUser) await killAllOf({ uid: slot.uid, gid: slot.gid, kill: helpers.kill });
    const run = await createRunDir({ root, uid: slot.uid, gid: slot.gid, ownUser: slot.ownUser });
    runDir = run.dir;
    const files = [...inputs].map(([path, content]) => ({ path, content }));
    await writeFiles({ base: run.workspace, files, uid: slot.uid, gid: slot.gid, ownUser: slot.ownUser, mode: 0o600 });

    let runEntry = entry;
    if (o.language === "typescript") {
      const built = await transpile({ files, entry, sourceRoot: tools.mode === "bwrap" ? INSIDE.workspace : run.workspace });
      if (!built.ok) {
        // Syntax errors: the program never starts, as with Python's own SyntaxError.
        return { stdout: "", stderr: built.errors, exit_code: 1, signal: null, duration_ms: 0, status: "runtime_error", message: null, limits, files_written: [], files_written_truncated: false, stdout_truncated: false, stderr_truncated: false, isolation: tools.mode };
      }
      await mkdir(run.build, { mode: 0o755 });
      await writeFiles({ base: run.build, files: built.files, uid: 0, gid: 0, ownUser: false, mode: 0o644 });
      runEntry = jsPath(entry);
    }

    const command = buildCommand({ tools, limits, slot, run, language: o.language, interpreter, entry: runEntry, args });
    const workspaceBytes = limits.workspace_mb * 1024 * 1024;
    const memoryBytes = limits.memory_mb * 1024 * 1024;
    const execution = await execute({
      command,
      slot,
      mode: tools.mode,
      helpers,
      stdin: o.stdin === undefined ? undefined : toBytes(o.stdin),
      wallMs: Math.round(limits.wall_seconds * 1000),
      outputBytes: limits.output_kb * 1024,
      onOutput: o.onOutput,
      signal: o.signal,
      watch: async () => {
        if ((await workspaceUsage(run.workspace, MAX_WORKSPACE_ENTRIES)) > workspaceBytes) return "workspace";
        // Only a uid of the run's own says which processes are the run's.
        if (slot.ownUser && memoryOf(slot.uid) > memoryBytes) return "memory";
        return null;
      },
    });

    const { exitCode, signal } = normalizeExit(execution.exit);
    const stderr = execution.stderr.text();
    if (tools.mode === "bwrap" && execution.stop === null && (!execution.started || (exitCode === 1 && stderr.startsWith("bwrap: ")))) {
      console.error(`[sandbox] bubblewrap could not set up the sandbox (exit ${exitCode}): ${stderr.trim()}`);
      throw new UnavailableError("Code cannot run on this server: the sandbox could not be set up (the worker's log says why).", { retryAfterSeconds: 60 });
    }
    const { status, message } = classify({
      stop: execution.stop,
      exit: execution.exit,
      stderrTail: execution.stderr.tail(),
      language: o.language,
      limits,
      outputTruncated: execution.stdout.truncated || execution.stderr.truncated,
    });
    const written = await writtenFiles({ workspace: run.workspace, inputs, collect: o.collectFiles === true, fileBytes: config.sandbox.collectFileBytes, totalBytes: config.sandbox.collectTotalBytes });
    return {
      stdout: execution.stdout.text(),
      stderr,
      exit_code: exitCode,
      signal,
      duration_ms: Math.round(execution.durationMs),
      status,
      message,
      limits,
      files_written: written.files,
      files_written_truncated: written.truncated,
      stdout_truncated: execution.stdout.truncated,
      stderr_truncated: execution.stderr.truncated,
      isolation: tools.mode,
    };
  } finally {
    if (runDir) await removeRunDir(runDir);
    await slot.release();
  }
}
