// Whether this process can write to the database right now. A read-only, full or failing
// database is a state, not a mode an admin sets: once a write fails that way, mutating
// requests answer 503 at once (instead of each waiting on the database and failing), and a
// probe — a real write of a sizeable row, rolled back — re-checks every few seconds until
// writes work again. Busy (locked) is not this state: it passes by itself.
import { db as defaultDb, type Db } from "./client";
import { databaseFault, describeFault, type DatabaseFault } from "./errors";
import { truncate } from "../text/truncate";

const PROBE_EVERY_MS = 2000;
// Large enough to need new pages, so a database that can take no more data fails the probe.
const PROBE_BYTES = 64 * 1024;

type State = { fault: Exclude<DatabaseFault, "busy"> | null; since: number; probedAt: number; probing: Promise<void> | null; detail: string | null };
const g = globalThis as unknown as { graceWrites?: State };
const state: State = (g.graceWrites ??= { fault: null, since: 0, probedAt: 0, probing: null, detail: null });

/** Records a failed write; returns true when it means writes are unavailable. */
export function noteWriteFailure(error: unknown): boolean {
  const fault = databaseFault(error);
  if (!fault || fault === "busy") return false;
  if (state.fault !== fault) {
    console.error(`[db] writes unavailable: ${describeFault(fault)}`, error);
    state.since = Date.now();
  }
  state.fault = fault;
  state.detail = error instanceof Error ? truncate(error.message.split("\n")[0], 200, "") : String(error);
  state.probedAt = Date.now();
  return true;
}

/** The current fault, if writes are known to be unavailable; starts a re-check when one is due. */
export function writeFault(o: { db?: Db } = {}): DatabaseFault | null {
  const { db = defaultDb } = o;
  if (state.fault && Date.now() - state.probedAt >= PROBE_EVERY_MS && !state.probing) void probeWrites({ db });
  return state.fault;
}

/** Tries a real write (rolled back) and updates the state; resolves when done. */
export function probeWrites(o: { db?: Db } = {}): Promise<void> {
  const { db = defaultDb } = o;
  state.probing ??= (async () => {
    try {
      await db.$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE "LogHead" SET "sequence" = "sequence" WHERE "id" = 1`;
        await tx.healthCheck.create({ data: { component: "write-probe", status: "ok", latencyMs: 0, error: "x".repeat(PROBE_BYTES) } });
        throw ROLLBACK;
      });
    } catch (error) {
      if (error === ROLLBACK) {
        if (state.fault) console.log("[db] writes work again");
        state.fault = null;
        state.detail = null;
      } else if (!noteWriteFailure(error) && !databaseFault(error)) {
        console.error("[db] write probe failed", error);
      }
    } finally {
      state.probedAt = Date.now();
      state.probing = null;
    }
  })();
  return state.probing;
}

/** Probes when the last probe is older than `everyMs` (health checks call this). */
export async function probeWritesIfDue(o: { db?: Db; everyMs?: number } = {}): Promise<void> {
  const { db = defaultDb, everyMs = PROBE_EVERY_MS } = o;
  if (Date.now() - state.probedAt >= everyMs) await probeWrites({ db });
  else if (state.probing) await state.probing;
}

/** For health reports: whether writes work, since when not, and why. */
export function writeStatus() {
  return state.fault ? { ok: false as const, fault: state.fault, message: describeFault(state.fault), since: new Date(state.since), detail: state.detail } : { ok: true as const };
}

const ROLLBACK = Symbol("roll back the probe");
