/**
 * How long to wait before restarting a child that died for the `attempt`-th time in a row
 * (1, 2, …): `baseMs`, doubling each time, never more than `maxMs`. A crash loop then costs
 * one start per `maxMs` instead of spinning, and a single crash comes back almost at once.
 */
export function restartDelay(o: { attempt: number; baseMs: number; maxMs: number }): number {
  const doublings = Math.min(Math.max(o.attempt - 1, 0), 30); // 2^30 × base is past any cap
  return Math.min(o.maxMs, o.baseMs * 2 ** doublings);
}
