import type { Db } from "../../lib/db/client";
import { recordLoopDuration } from "../../lib/loops/lease";

/**
 * Runs a loop's cycle and records how long it took (or why it failed) in its LoopState row.
 * When the cycle failed, that failure is what the job reports: a failure to record it is
 * logged beside it, never put in its place.
 */
export async function timedLoop<T>(o: { db: Db; name: string; cycle: () => Promise<T> }): Promise<T> {
  const { db, name, cycle } = o;
  const started = performance.now();
  let result: T;
  try {
    result = await cycle();
  } catch (error) {
    await recordLoopDuration({ name, durationMs: performance.now() - started, error: error instanceof Error ? error.message : String(error), db }).catch((recordError) =>
      console.error(`[loops] could not record that the ${name} cycle failed`, recordError),
    );
    throw error;
  }
  await recordLoopDuration({ name, durationMs: performance.now() - started, db });
  return result;
}
