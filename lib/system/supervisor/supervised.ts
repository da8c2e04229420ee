// One child process kept running: started, restarted after an unexpected exit (with
// exponential backoff), restarted on request (SIGTERM, wait, start), and stopped for good.
// It knows nothing of the database: it reports what happens through `onEvent`.
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import { restartDelay } from "./backoff";

export type ExitInfo = { code: number | null; signal: NodeJS.Signals | null; at: Date; upMs: number; pid: number | null };

/** Who asked for a restart (a SupervisorCommand, when it came from the API). */
export type RestartRequest = { commandId?: number; requestedBy?: string };

export type StartCause =
  | { kind: "initial" }
  | { kind: "crash"; exit: ExitInfo; attempt: number }
  | { kind: "request"; exit: ExitInfo | null; request: RestartRequest };

export type SupervisedEvent =
  | { type: "started"; name: string; pid: number | null; startedAt: Date; restarts: number; cause: StartCause }
  /** It exited without being asked to; it starts again after `delayMs`. */
  | { type: "crashed"; name: string; exit: ExitInfo; attempt: number; delayMs: number }
  | { type: "stopped"; name: string; exit: ExitInfo | null };

export type ChildStatus = "idle" | "running" | "backoff" | "restarting" | "stopping" | "stopped";

export type SupervisedOptions = {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  stdio?: StdioOptions;
  /** First restart delay; doubles per crash in a row, up to backoffMaxMs. */
  backoffMs: number;
  backoffMaxMs: number;
  /** Up at least this long, the next crash counts as the first again. */
  stableMs: number;
  /** After SIGTERM, how long to wait before SIGKILL. */
  stopTimeoutMs: number;
  onEvent?: (event: SupervisedEvent) => void;
  log?: (line: string) => void;
};

export class StoppingError extends Error {
  constructor(name: string) {
    super(`${name} is stopping; not restarted`);
    this.name = "StoppingError";
  }
}

export class Supervised {
  status: ChildStatus = "idle";
  /** Restarts since the supervisor started (after crashes and on request). */
  restarts = 0;
  lastExit: ExitInfo | null = null;
  private child: ChildProcess | null = null;
  private exited: Promise<ExitInfo> | null = null;
  private startedAt = new Date(0);
  private crashesInARow = 0;
  private timer: NodeJS.Timeout | null = null;
  private stopping: Promise<void> | null = null;

  constructor(private readonly o: SupervisedOptions) {}

  get name() {
    return this.o.name;
  }

  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  start() {
    if (this.status !== "idle") throw new Error(`${this.name} was already started`);
    this.spawn({ kind: "initial" });
  }

  /** Stops the child gracefully and starts it again at once (no backoff). Resolves once it runs again. */
  async restart(request: RestartRequest = {}): Promise<number | null> {
    if (this.status === "idle") throw new Error(`${this.name} has not been started`);
    if (this.status === "stopping" || this.status === "stopped") throw new StoppingError(this.name);
    if (this.status === "restarting") throw new Error(`${this.name} is already restarting`);
    this.clearTimer(); // a crashed child waiting out its backoff starts now
    this.status = "restarting";
    const exit = await this.terminate();
    // stop() may have come in while the old child was going down: then it stays down.
    if (this.status !== "restarting") throw new StoppingError(this.name);
    this.crashesInARow = 0;
    this.restarts += 1;
    return this.spawn({ kind: "request", exit: exit ?? this.lastExit, request });
  }

  /** Stops for good: no restart after this. SIGTERM, then SIGKILL after stopTimeoutMs. */
  stop(): Promise<void> {
    return (this.stopping ??= (async () => {
      this.status = "stopping";
      this.clearTimer();
      const exit = await this.terminate();
      this.status = "stopped";
      this.emit({ type: "stopped", name: this.name, exit });
    })());
  }

  private spawn(cause: StartCause): number | null {
    // No `env`: the child inherits this process's environment (the launcher set what it needs).
    const child = spawn(this.o.command, this.o.args, { stdio: this.o.stdio ?? "inherit", ...(this.o.env ? { env: this.o.env } : {}) });
    const startedAt = new Date();
    this.child = child;
    this.startedAt = startedAt;
    this.status = "running";
    this.exited = new Promise<ExitInfo>((resolve) => {
      let done = false;
      const finish = (code: number | null, signal: NodeJS.Signals | null) => {
        if (done) return;
        done = true;
        const exit: ExitInfo = { code, signal, at: new Date(), upMs: Date.now() - startedAt.getTime(), pid: child.pid ?? null };
        this.lastExit = exit;
        resolve(exit);
        this.onExit(child, exit);
      };
      child.once("exit", finish);
      child.on("error", (error) => {
        this.log(`${this.name}: ${error.message}`);
        // Spawning failed (no pid): no "exit" may follow, so count it as one.
        if (child.pid === undefined) finish(null, null);
      });
    });
    this.emit({ type: "started", name: this.name, pid: child.pid ?? null, startedAt, restarts: this.restarts, cause });
    return child.pid ?? null;
  }

  private onExit(child: ChildProcess, exit: ExitInfo) {
    if (child !== this.child) return;
    this.child = null;
    // Exits the supervisor asked for (restart, stop) are not crashes.
    if (this.status !== "running") return;
    if (exit.upMs >= this.o.stableMs) this.crashesInARow = 0;
    this.crashesInARow += 1;
    const attempt = this.crashesInARow;
    const delayMs = restartDelay({ attempt, baseMs: this.o.backoffMs, maxMs: this.o.backoffMaxMs });
    this.status = "backoff";
    this.emit({ type: "crashed", name: this.name, exit, attempt, delayMs });
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.status !== "backoff") return;
      this.restarts += 1;
      this.spawn({ kind: "crash", exit, attempt });
    }, delayMs);
  }

  private async terminate(): Promise<ExitInfo | null> {
    const child = this.child;
    const exited = this.exited;
    if (!child || !exited) return null;
    child.kill("SIGTERM");
    const killer = setTimeout(() => {
      this.log(`${this.name} (pid ${child.pid}) did not exit ${this.o.stopTimeoutMs} ms after SIGTERM; killing it`);
      child.kill("SIGKILL");
    }, this.o.stopTimeoutMs);
    try {
      return await exited;
    } finally {
      clearTimeout(killer);
    }
  }

  private clearTimer() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private emit(event: SupervisedEvent) {
    this.o.onEvent?.(event);
  }

  private log(line: string) {
    (this.o.log ?? ((l: string) => console.error(`[start] ${l}`)))(line);
  }
}
