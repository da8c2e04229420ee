// Run slots: slot n runs its program as host uid GRACE_SANDBOX_UID_BASE + n, so concurrent runs
// cannot read each other's workspaces (each is mode 0700, owned by its slot's uid) and the
// process limit (RLIMIT_NPROC, counted per uid) holds one run's fork bomb to its own slot.
// Two runs must never share a slot, also across worker processes on the same host: a slot is
// held with a lock directory (mkdir is atomic) naming the holder's pid; a holder that died
// leaves a stale lock that the next taker removes.
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { config } from "../../config";
import { UnavailableError, invalid } from "../../errors";

export type Slot = {
  index: number;
  uid: number;
  gid: number;
  /** True when the worker is root and the program runs as the slot's own uid. */
  ownUser: boolean;
  release: () => Promise<void>;
};

const held = new Set<number>();
// A lock directory without a pid file is being created right now, unless it is older than this.
const UNFINISHED_LOCK_MS = 10_000;

/** Takes the given slot (UnavailableError when another run holds it), or the first free one. */
export async function acquireSlot(o: { root: string; slot?: number }): Promise<Slot> {
  const count = config.sandbox.slots;
  if (o.slot !== undefined && (!Number.isInteger(o.slot) || o.slot < 0 || o.slot >= count)) {
    throw invalid("slot", `must be a whole number from 0 to ${count - 1} (GRACE_SANDBOX_SLOTS)`);
  }
  const locks = path.join(o.root, "slots");
  await mkdir(locks, { recursive: true, mode: 0o700 });
  const candidates = o.slot !== undefined ? [o.slot] : Array.from({ length: count }, (_, i) => i);
  for (const index of candidates) {
    if (held.has(index)) continue;
    held.add(index);
    try {
      if (await lock(path.join(locks, String(index)))) return slotFor(index, locks);
    } catch (error) {
      held.delete(index);
      throw error;
    }
    held.delete(index);
  }
  throw new UnavailableError(
    o.slot !== undefined ? `Sandbox slot ${o.slot} is in use by another run.` : `All ${count} sandbox slots are in use (GRACE_SANDBOX_SLOTS): try again in a moment.`,
    { retryAfterSeconds: 2 },
  );
}

function slotFor(index: number, locks: string): Slot {
  const root = process.getuid?.() === 0;
  const uid = root ? config.sandbox.uidBase + index : (process.getuid?.() ?? 0);
  const gid = root ? config.sandbox.uidBase + index : (process.getgid?.() ?? 0);
  return {
    index,
    uid,
    gid,
    ownUser: root,
    release: async () => {
      await rm(path.join(locks, String(index)), { recursive: true, force: true });
      held.delete(index);
    },
  };
}

async function lock(dir: string): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await mkdir(dir, { mode: 0o700 });
      await writeFile(path.join(dir, "pid"), String(process.pid));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    if (!(await isStale(dir))) return false;
    // Renaming is atomic: of two takers of the same stale lock only one moves it away.
    const aside = `${dir}.stale-${randomBytes(4).toString("hex")}`;
    try {
      await rename(dir, aside);
    } catch {
      return false;
    }
    await rm(aside, { recursive: true, force: true });
  }
  return false;
}

async function isStale(dir: string): Promise<boolean> {
  let pid: number;
  try {
    pid = Number(await readFile(path.join(dir, "pid"), "utf8"));
  } catch {
    try {
      return Date.now() - (await stat(dir)).mtimeMs > UNFINISHED_LOCK_MS;
    } catch {
      return false; // released meanwhile: the next mkdir tells
    }
  }
  // Our own pid on a slot this process does not hold: left by an earlier process with our pid.
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
