// Runs Grace's background loops on whichever worker holds each loop's lease, so every loop
// runs once across all worker processes. Reflection, learning and meta become jobs on the
// queue (one per interval slot); health runs right here, so it keeps watching even when the
// queue is stopped or stuck.
import { db as defaultDb, type Db } from "../../lib/db/client";
import { writeTransaction } from "../../lib/db/transaction";
import { enqueue } from "../../lib/jobs/enqueue";
import { listLoopConfigs } from "../../lib/loops/config";
import { acquireLoopLease, readLoopState, recordLoopRun, releaseLoopLease } from "../../lib/loops/lease";
import { runHealthCycle } from "../../lib/health/run-health-cycle";
import { getSystemMode } from "../../lib/system/get-mode";
import { writeStatus } from "../../lib/db/write-availability";

const JOB_LOOPS = new Set(["reflection", "learning", "meta"]);

export class LoopScheduler {
  private readonly db: Db;
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private readonly held = new Set<string>();
  private readonly ranAt = new Map<string, number>();

  constructor(private readonly o: { owner: string; db?: Db; tickMs?: number; log?: (line: string) => void }) {
    this.db = o.db ?? defaultDb;
  }

  start() {
    const tick = () => {
      this.ticking = this.tickOnce().finally(() => {
        this.ticking = null;
        if (this.timer) this.timer = setTimeout(tick, this.o.tickMs ?? 1000);
      });
    };
    this.timer = setTimeout(tick, 0);
  }

  /** Stops scheduling and hands the leases back so another worker takes over at once. */
  async stop() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.ticking;
    for (const name of this.held) {
      // Not fatal: an unreleased lease expires by itself within one lease period.
      await releaseLoopLease({ name, owner: this.o.owner, db: this.db }).catch((error) => console.error(`[loops] could not release the ${name} lease`, error));
    }
    this.held.clear();
  }

  /**
   * One pass over the loops. Never throws: each loop's failure is logged with its cause and
   * does not keep the loops after it from running.
   */
  async tickOnce() {
    let configs: Awaited<ReturnType<typeof listLoopConfigs>>;
    try {
      configs = await listLoopConfigs({ db: this.db });
    } catch (error) {
      console.error("[loops] could not read the loops' configuration", error);
      return;
    }
    for (const config of configs) {
      if (!config.enabled) continue;
      try {
        await this.tickLoop(config);
      } catch (error) {
        console.error(`[loops] the ${config.name} loop failed`, error);
      }
    }
  }

  private async tickLoop(config: { name: string; intervalSeconds: number }) {
    const leader = await acquireLoopLease({ name: config.name, owner: this.o.owner, db: this.db });
    if (!leader) {
      this.held.delete(config.name);
      return;
    }
    if (!this.held.has(config.name)) this.log(`now running the ${config.name} loop`);
    this.held.add(config.name);
    const state = await readLoopState({ name: config.name, db: this.db });
    const now = Date.now();
    const lastRun = Math.max(state?.lastRunAt?.getTime() ?? 0, this.ranAt.get(config.name) ?? 0);
    if (now - lastRun < config.intervalSeconds * 1000) return;
    // Loops that write pause outside normal mode (nothing recorded either); health keeps watching.
    if (JOB_LOOPS.has(config.name) && (await getSystemMode({ db: this.db })).mode !== "normal") return;
    await this.runOnce(config.name, config.intervalSeconds, new Date(now));
  }

  private async runOnce(name: string, intervalSeconds: number, startedAt: Date) {
    this.ranAt.set(name, startedAt.getTime()); // kept here too: in read_only nothing is recorded
    let error: string | null = null;
    try {
      if (JOB_LOOPS.has(name)) {
        // Nothing piles up while the last cycle still waits.
        if (await this.db.job.findFirst({ where: { kind: name, status: { in: ["queued", "running"] } }, select: { id: true } })) return;
        const slot = Math.floor(startedAt.getTime() / (intervalSeconds * 1000));
        await writeTransaction(
          (tx) => enqueue({ tx, kind: name as "reflection" | "learning" | "meta", idempotencyKey: `${name}:${intervalSeconds}:${slot}`, description: `${name} loop`, priority: 10 }),
          this.db,
        );
      } else if (name === "health") {
        const { actions } = await runHealthCycle({ db: this.db });
        for (const a of actions) this.log(`health: ${a.component} ${a.result}: ${a.detail}`);
      }
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      console.error(`[loops] ${name} failed`, e);
    }
    // Outside normal mode, or while the database refuses writes, the health loop records nothing.
    if ((await getSystemMode({ db: this.db })).mode !== "normal" || !writeStatus().ok) return;
    await recordLoopRun({ name, startedAt, error, measured: !JOB_LOOPS.has(name), db: this.db });
  }

  private log(line: string) {
    (this.o.log ?? ((l: string) => console.log(`[loops] ${l}`)))(line);
  }
}
