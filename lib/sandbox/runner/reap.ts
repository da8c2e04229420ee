// Ending every process of a run. Under bwrap the kernel does it: when the sandbox's pid 1 dies,
// its PID namespace goes with everything in it. In process mode there is no such namespace, so
// a backgrounded or daemonised child would outlive the run: with a slot uid of its own, every
// process of that uid is killed (kill -1 as that uid) until none is left; without one (the
// worker is not root), the run's process group is.
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";

/**
 * Pids of the live processes whose real uid is `uid` (zombies are dead already: their parent
 * reaps them). Synchronous: a few hundred tiny reads take ~1 ms this way, ~20 ms through promises.
 */
export function processesOf(uid: number): number[] {
  const pids: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, "utf8");
      const line = /^Uid:\s+(\d+)/m.exec(status);
      if (line && Number(line[1]) === uid && !/^State:\s+Z/m.test(status)) pids.push(Number(name));
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

/**
 * The memory a run's processes use together, in bytes: the anonymous and shared memory of every
 * process of `uid`, each page divided among the processes sharing it (Pss), so a fork's
 * copy-on-write pages count once. RLIMIT_DATA caps each process; this is how the runner caps them
 * together (60 children, each under its own limit, could otherwise take 60 times the limit).
 */
export function memoryOf(uid: number): number {
  let total = 0;
  for (const pid of processesOf(uid)) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
      for (const m of rollup.matchAll(/^Pss_(?:Anon|Shmem):\s+(\d+) kB/gm)) total += Number(m[1]) * 1024;
    } catch {
      // exited meanwhile
    }
  }
  return total;
}

/** Kills every process of `uid` (never root's, never ours): kill(-1) sent as that uid. */
export async function killAllOf(o: { uid: number; gid: number; kill: string }): Promise<void> {
  if (o.uid === 0 || o.uid === process.getuid?.()) throw new Error("refusing to kill every process of the worker's own uid");
  // A fork bomb forks while we kill: repeat until the uid has no process left.
  for (let round = 0; round < 50; round++) {
    if (!processesOf(o.uid).length) return;
    await new Promise<void>((resolve) => {
      const killer = spawn(o.kill, ["-KILL", "-1"], { uid: o.uid, gid: o.gid, stdio: "ignore", env: {} as NodeJS.ProcessEnv });
      killer.on("error", () => resolve());
      killer.on("close", () => resolve());
    });
  }
  throw new Error(`processes of sandbox uid ${o.uid} survived 50 rounds of kill -KILL -1`);
}

/** True while `pid` is a live (not zombie) process of `uid`: a reused pid of another user is not it. */
export function isAlive(pid: number, uid: number): boolean {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const line = /^Uid:\s+(\d+)/m.exec(status);
    return !!line && Number(line[1]) === uid && !/^State:\s+Z/m.test(status);
  } catch {
    return false;
  }
}

/**
 * Waits for a bwrap sandbox's pid 1 to be gone. When bwrap itself was killed (a limit, Stop),
 * its pid 1 dies a moment later (--die-with-parent), and the kernel ends every process of the
 * namespace before pid 1 turns zombie: once it has, nothing of the run is left.
 */
export async function waitForSandboxEnd(o: { pid: number; uid: number; timeoutMs: number }): Promise<void> {
  const deadline = Date.now() + o.timeoutMs;
  while (isAlive(o.pid, o.uid)) {
    if (Date.now() > deadline) throw new Error(`the sandbox's pid 1 (${o.pid}) was still alive ${o.timeoutMs} ms after bwrap ended`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
