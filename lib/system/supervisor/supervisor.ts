// `npm start`'s supervisor: keeps the web process and the worker running. A child that dies
// unexpectedly comes back after a backoff; POST /api/health/restart (a command row, polled)
// restarts one gracefully; stop() stops them all with no restart. What happens is logged,
// written to the SupervisedProcess table (health shows it) and audited as system.restart.
// Supervision never waits on the database: when it cannot be written, children are still
// restarted and the failure is logged.
import os from "node:os";
import { randomBytes } from "node:crypto";
import type { StdioOptions } from "node:child_process";
import { db as defaultDb, type Db } from "../../db/client";
import { config, type Config } from "../../config";
import { CommandPoller } from "./command-poller";
import { failCommand, type ClaimedCommand } from "./commands";
import { forgetGoneSupervisors, recordFirstStart, recordRestart, recordStatus, type ProcessKey } from "./process-table";
import { Supervised, type RestartRequest, type SupervisedEvent } from "./supervised";

export type ChildSpec = { name: string; command: string; args: string[]; env?: NodeJS.ProcessEnv };

export type SupervisorOptions = {
  children: ChildSpec[];
  db?: Db;
  /** Overrides of config.supervisor (tests use short ones). */
  settings?: Partial<Config["supervisor"]>;
  stdio?: StdioOptions;
  log?: (line: string, error?: unknown) => void;
};

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // alive, someone else's
  }
}

const describeExit = (e: { code: number | null; signal: string | null }) => (e.signal ? `signal ${e.signal}` : `code ${e.code}`);
const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

export class Supervisor {
  /** hostname:pid:random, like a worker's id: unique even when a pid is reused. */
  readonly id = `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  private readonly hostname = os.hostname();
  private readonly db: Db;
  private readonly settings: Config["supervisor"];
  private readonly children = new Map<string, Supervised>();
  private readonly poller: CommandPoller;
  private recording: Promise<void> = Promise.resolve();
  private stopping: Promise<void> | null = null;

  constructor(private readonly o: SupervisorOptions) {
    this.db = o.db ?? defaultDb;
    this.settings = { ...config.supervisor, ...o.settings };
    this.poller = new CommandPoller({ db: this.db, supervisor: this.id, pollMs: this.settings.pollMs, handle: (c) => this.handle(c), log: (l, e) => this.log(l, e) });
  }

  async start() {
    await forgetGoneSupervisors({ db: this.db, supervisor: this.id, hostname: this.hostname, isAlive }).catch((e) => this.log("could not clear earlier supervisors' process rows", e));
    if (this.stopping) return; // stopped before anything started
    for (const spec of this.o.children) {
      const child = new Supervised({
        ...spec,
        ...this.settings,
        stdio: this.o.stdio,
        onEvent: (event) => this.onEvent(event),
        log: (line) => this.log(line),
      });
      this.children.set(spec.name, child);
      child.start();
    }
    this.poller.start();
  }

  /** The running child's pid, or null while it is down. */
  pidOf(name: string): number | null {
    return this.children.get(name)?.pid ?? null;
  }

  /** Restarts a child gracefully (SIGTERM, wait, start); resolves once it runs and that is recorded. */
  async restart(name: string, request: RestartRequest = {}): Promise<number | null> {
    const child = this.children.get(name);
    if (!child) throw new Error(`no supervised process named "${name}"`);
    const pid = await child.restart(request);
    await this.recording; // its row, its command and its audit entry
    return pid;
  }

  /** Stops every child (SIGTERM, awaited; no restarts from here on) and the command poller. */
  stop(): Promise<void> {
    return (this.stopping ??= (async () => {
      const polled = this.poller.stop(); // a restart it is running gives up when its child is stopped
      await Promise.all([...this.children.values()].map((c) => c.stop()));
      await polled;
      await this.recording;
    })());
  }

  private async handle(command: ClaimedCommand) {
    this.log(`${command.requestedBy} asked to restart the ${command.component} (request ${command.id})`);
    try {
      if (command.action !== "restart") throw new Error(`unknown action "${command.action}"`);
      await this.restart(command.component, { commandId: command.id, requestedBy: command.requestedBy });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.log(`request ${command.id} failed: ${message}`);
      await failCommand({ db: this.db, command, error: message });
    }
  }

  private onEvent(e: SupervisedEvent) {
    const key: ProcessKey = { supervisor: this.id, hostname: this.hostname, name: e.name };
    if (e.type === "crashed") {
      this.log(`${e.name} (pid ${e.exit.pid}) exited unexpectedly (${describeExit(e.exit)}) after ${seconds(e.exit.upMs)}; restarting in ${seconds(e.delayMs)} (attempt ${e.attempt})`);
      this.record(`${e.name}'s exit`, () => recordStatus({ db: this.db, key, status: "backoff", exit: e.exit }));
    } else if (e.type === "stopped") {
      this.record(`${e.name}'s stop`, () => recordStatus({ db: this.db, key, status: "stopped", exit: e.exit }));
    } else if (e.cause.kind === "initial") {
      this.record(`${e.name}'s start`, () => recordFirstStart({ db: this.db, key, pid: e.pid, startedAt: e.startedAt }));
    } else {
      const cause = e.cause;
      this.log(`${e.name} ${cause.kind === "crash" ? "restarted" : "restarted on request"} (pid ${e.pid}, ${e.restarts} restart${e.restarts === 1 ? "" : "s"} so far)`);
      this.record(`${e.name}'s restart`, () => recordRestart({ db: this.db, key, pid: e.pid, startedAt: e.startedAt, restarts: e.restarts, cause }));
    }
  }

  /** Database writes in the order things happened, one at a time; a failure is logged and the next goes on. */
  private record(what: string, write: () => Promise<unknown>) {
    this.recording = this.recording.then(write).then(
      () => undefined,
      (error) => this.log(`could not record ${what}`, error),
    );
  }

  private log(line: string, error?: unknown) {
    if (this.o.log) return this.o.log(line, error);
    if (error === undefined) console.log(`[start] ${line}`);
    else console.error(`[start] ${line}`, error);
  }
}
