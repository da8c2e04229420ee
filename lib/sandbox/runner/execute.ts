// Runs one built command: feeds stdin, captures both streams within the output limit, and
// stops the run (SIGKILL) at the wall-clock limit, when a stream or the workspace passes its
// limit, or on Stop. Killing bwrap is enough: its pid 1 dies with it (--die-with-parent) and
// takes the whole PID namespace along.
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { Capture } from "./capture";
import type { Command } from "./command";
import { killAllOf, waitForSandboxEnd } from "./reap";
import type { Slot } from "./slots";
import type { Exit, StopReason } from "./status";
import type { OutputStream } from "./types";

export type Execution = {
  exit: Exit;
  stop: StopReason | null;
  durationMs: number;
  stdout: Capture;
  stderr: Capture;
  /** bwrap reported the sandbox set up (always true in process mode once spawned). */
  started: boolean;
};

const WATCH_MS = 200;
// After the program exits, how long its output pipes may stay open (held by a leftover child
// that escaped the process-group kill in process mode) before they are closed on our side.
const DRAIN_MS = 1000;

/**
 * File descriptors this process holds without close-on-exec, above `from`: the worker may have
 * inherited some (a supervisor's pipe), and bwrap passes every open descriptor on to the program.
 */
function inheritedFds(from: number): number[] {
  const fds: number[] = [];
  let names: string[] = [];
  try {
    names = readdirSync("/proc/self/fd");
  } catch {
    return fds;
  }
  for (const name of names) {
    const fd = Number(name);
    if (!(fd > from)) continue;
    try {
      const flags = /^flags:\s+([0-7]+)/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, "utf8"));
      if (flags && (parseInt(flags[1], 8) & 0o2000000) === 0) fds.push(fd);
    } catch {
      // closed meanwhile (the one readdir used)
    }
  }
  return fds;
}

export function execute(o: {
  command: Command;
  slot: Slot;
  mode: "bwrap" | "process";
  /** bash (closes inherited descriptors, when there are any) and kill (process mode's sweep). */
  helpers: { bash: string; kill: string };
  stdin?: Uint8Array;
  wallMs: number;
  outputBytes: number;
  onOutput?: (stream: OutputStream, chunk: string) => void;
  signal?: AbortSignal;
  /** Polled while the program runs: a limit it reports stops the run. */
  watch: () => Promise<"workspace" | "memory" | null>;
}): Promise<Execution> {
  // A listener that throws (a closed stream to the browser) must not take the worker down.
  const listen = (stream: OutputStream) =>
    o.onOutput &&
    ((text: string) => {
      try {
        o.onOutput!(stream, text);
      } catch (error) {
        console.error(`[sandbox] the ${stream} listener failed`, error);
      }
    });
  const stdout = new Capture(o.outputBytes, listen("stdout"));
  const stderr = new Capture(o.outputBytes, listen("stderr"));
  if (o.signal?.aborted) return Promise.resolve({ exit: { code: null, signal: null }, stop: "abort", durationMs: 0, stdout, stderr, started: false });

  let { file, args } = o.command;
  const leaked = inheritedFds(o.command.infoFd ? 3 : 2);
  if (leaked.length) {
    args = ["-c", `exec ${leaked.map((fd) => `${fd}>&-`).join(" ")}; exec "$@"`, "sandbox", file, ...args];
    file = o.helpers.bash;
  }

  return new Promise<Execution>((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, args, {
      cwd: o.command.cwd,
      // Only what the command sets: not even NODE_ENV, which the ProcessEnv type insists on.
      env: o.command.env as NodeJS.ProcessEnv,
      stdio: ["pipe", "pipe", "pipe", o.command.infoFd ? "pipe" : "ignore"],
      // Its own process group (process mode kills the group) and no controlling terminal.
      detached: true,
      ...(o.slot.ownUser ? { uid: o.slot.uid, gid: o.slot.gid } : {}),
    });
    let stop: StopReason | null = null;
    let exit: Exit | undefined;
    let durationMs = 0;
    let setUp = !o.command.infoFd;
    let cleanup: Promise<void> = Promise.resolve();

    const killTree = () => {
      try {
        if (o.mode === "process" && child.pid) process.kill(-child.pid, "SIGKILL");
        else child.kill("SIGKILL");
      } catch {
        // already gone
      }
    };
    const stopWith = (reason: StopReason) => {
      stop ??= reason;
      // Once the program has exited its pid may be reused: only the sweep below acts after that.
      if (!exit) killTree();
    };
    // After the program ends (or is killed), in process mode its leftover children are ended too.
    // Its process group is not handed out again while it has members; it runs in the same tick
    // as the exit, before the kernel (allocating pids in sequence) could reuse an empty one.
    const sweep = () => {
      if (o.mode !== "process") return;
      killTree();
      if (o.slot.ownUser) cleanup = killAllOf({ uid: o.slot.uid, gid: o.slot.gid, kill: o.helpers.kill });
    };

    const timer = setTimeout(() => stopWith("wall"), o.wallMs);
    let watching = false;
    const watcher = setInterval(() => {
      if (watching || exit) return;
      watching = true;
      o.watch()
        .then((over) => over && !exit && stopWith(over))
        .catch(() => {})
        .finally(() => (watching = false));
    }, WATCH_MS);
    const onAbort = () => stopWith("abort");
    o.signal?.addEventListener("abort", onAbort, { once: true });
    const done = () => {
      clearTimeout(timer);
      clearInterval(watcher);
      o.signal?.removeEventListener("abort", onAbort);
    };

    let settled = false;
    child.on("error", (error) => {
      done();
      killTree();
      if (!settled) reject(error);
      settled = true;
    });
    child.stdout!.on("data", (chunk: Buffer) => stdout.push(chunk) || stopWith("output"));
    child.stderr!.on("data", (chunk: Buffer) => stderr.push(chunk) || stopWith("output"));
    let info = "";
    if (o.command.infoFd) {
      child.stdio[3]!.on("data", (chunk: Buffer) => {
        setUp = true;
        info += chunk.toString("utf8");
      });
      child.stdio[3]!.on("error", () => {});
    }
    child.on("exit", (code, signal) => {
      durationMs = performance.now() - started;
      exit = { code, signal };
      done();
      sweep();
      setTimeout(() => {
        child.stdout!.destroy();
        child.stderr!.destroy();
      }, DRAIN_MS).unref();
    });
    child.on("close", () => {
      done();
      // The slot is reused (and the result trusted) only once nothing of this run is left.
      const sandboxPid = /"child-pid":\s*(\d+)/.exec(info);
      if (o.mode === "bwrap" && sandboxPid) cleanup = waitForSandboxEnd({ pid: Number(sandboxPid[1]), uid: o.slot.uid, timeoutMs: 5000 });
      cleanup.then(
        () => {
          if (!settled) resolve({ exit: exit ?? { code: null, signal: null }, stop, durationMs, stdout, stderr, started: setUp });
          settled = true;
        },
        (error) => {
          if (!settled) reject(error);
          settled = true;
        },
      );
    });
    // A program that exits (or is killed) without reading its stdin closes the pipe: EPIPE is expected.
    child.stdin!.on("error", () => {});
    child.stdin!.end(o.stdin ?? Buffer.alloc(0));
  });
}
