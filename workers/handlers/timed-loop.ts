import type { Db } from "../../lib/db/client";
import { recordLoopDuration } from "../../lib/loops/lease";

/** Runs a loop's cycle and records how long it took (or why it failed) in its LoopState row. */
export async function timedLoop<T>(db: Db, name: string, cycle: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    const result = await cycle();
    await recordLoopDuration({ name, durationMs: performance.now() - started, db });
    return result;
  } catch (error) {
    await recordLoopDuration({ name, durationMs: performance.now() - started, error: error instanceof Error ? error.message : String(error), db });
    throw error;
  }
}
