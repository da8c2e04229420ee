// What a finished run's exit means. Under bwrap the program's death by signal n arrives as exit
// code 128 + n (bwrap's own exit), so codes above 128 are read as signals; a program that
// exits with such a code itself only mislabels its own run.
import { constants } from "node:os";
import type { SandboxLimits } from "../limits";
import type { Language, RunStatus } from "./types";

/** Why the runner itself stopped the run, if it did. */
export type StopReason = "abort" | "wall" | "output" | "workspace" | "memory";

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

const SIGNAL_NAMES = new Map<number, NodeJS.Signals>(Object.entries(constants.signals).map(([name, n]) => [n, name as NodeJS.Signals]));

/** The exit code as a shell reports it (128 + n for signal n) and the signal's name, if one ended the program. */
export function normalizeExit(exit: Exit): { exitCode: number | null; signal: NodeJS.Signals | null } {
  if (exit.signal) return { exitCode: 128 + (constants.signals[exit.signal] ?? 0), signal: exit.signal };
  if (exit.code !== null && exit.code > 128 && SIGNAL_NAMES.has(exit.code - 128)) return { exitCode: exit.code, signal: SIGNAL_NAMES.get(exit.code - 128)! };
  return { exitCode: exit.code, signal: null };
}

// What each interpreter prints when an allocation fails under RLIMIT_DATA: Python's MemoryError,
// V8's heap and ArrayBuffer failures, bash's xmalloc, and ENOMEM from the C library.
const OUT_OF_MEMORY_TEXT = /MemoryError|JavaScript heap out of memory|Allocation failed|allocation failed|Cannot allocate memory|cannot allocate|out of memory|ENOMEM/;
// V8 aborts (or faults, when an ArrayBuffer's backing store cannot be mapped) instead of throwing.
const NODE_OUT_OF_MEMORY_SIGNALS = new Set<string>(["SIGABRT", "SIGSEGV", "SIGBUS", "SIGTRAP", "SIGILL"]);
const FILE_TOO_LARGE_TEXT = /File too large|EFBIG/;

export function classify(o: { stop: StopReason | null; exit: Exit; stderrTail: string; language: Language; limits: SandboxLimits; outputTruncated: boolean }): { status: RunStatus; message: string | null } {
  const l = o.limits;
  switch (o.stop) {
    case "abort":
      return { status: "killed", message: "Stopped." };
    case "wall":
      return { status: "timeout", message: `Stopped: the run took longer than ${l.wall_seconds} s (wall-clock limit).` };
    case "output":
      return { status: "output_limit", message: `Stopped: the program printed more than ${l.output_kb} KB to one stream (output limit); the rest was dropped.` };
    case "workspace":
      return { status: "output_limit", message: `Stopped: the program wrote more than ${l.workspace_mb} MB of files (workspace limit).` };
    case "memory":
      return { status: "memory_limit", message: `Stopped: the program's processes together used more than ${l.memory_mb} MB of memory (memory limit).` };
  }
  const { exitCode, signal } = normalizeExit(o.exit);
  if (signal === "SIGXCPU" || signal === "SIGKILL") return { status: "timeout", message: `Stopped: the program used more than ${l.cpu_seconds} s of CPU time (CPU limit).` };
  if (signal === "SIGXFSZ") return { status: "output_limit", message: `Stopped: the program wrote a file larger than ${l.file_size_mb} MB (file size limit).` };
  if (exitCode !== 0) {
    const node = o.language === "javascript" || o.language === "typescript";
    if (OUT_OF_MEMORY_TEXT.test(o.stderrTail) || (node && signal && NODE_OUT_OF_MEMORY_SIGNALS.has(signal))) {
      return { status: "memory_limit", message: `The program ran out of memory (limit: ${l.memory_mb} MB per process).` };
    }
    // Python ignores SIGXFSZ, so a file past the limit is an OSError it may print and exit on.
    if (FILE_TOO_LARGE_TEXT.test(o.stderrTail)) return { status: "output_limit", message: `The program tried to write a file larger than ${l.file_size_mb} MB (file size limit).` };
  }
  // Output past the limit that the program finished printing before it could be stopped.
  if (o.outputTruncated) return { status: "output_limit", message: `The program printed more than ${l.output_kb} KB to one stream (output limit); the rest was dropped.` };
  return exitCode === 0 ? { status: "ok", message: null } : { status: "runtime_error", message: null };
}
