// Work that must wait until a transaction has committed: telling other processes about a row
// they cannot see before the commit (a new job, a finished one). writeTransaction runs the
// callbacks registered on its transaction once it commits, and drops them when it rolls back.
//
// The transaction client itself carries them (a WeakMap keyed by it), not an AsyncLocalStorage:
// on Node 20 a single AsyncLocalStorage in use makes every await in the process about twice as
// slow (measured: 300,000 awaits 62 ms → 120 ms), and the code that registers has the tx at hand.

const pending = new WeakMap<object, (() => void)[]>();

/** Runs `run` after `tx` commits; when `tx` is no writeTransaction's (a plain client), soon (after this tick). */
export function afterCommit(o: { tx: object; run: () => void }): void {
  const list = pending.get(o.tx);
  if (list) list.push(o.run);
  else queueMicrotask(() => runSafely(o.run));
}

/** Collects what is registered on `tx` until the transaction ends; returns the callbacks to run on commit. */
export function collectAfterCommit(o: { tx: object }): (() => void)[] {
  const list: (() => void)[] = [];
  pending.set(o.tx, list);
  return list;
}

export function runAfterCommit(list: (() => void)[]): void {
  for (const fn of list) runSafely(fn);
}

function runSafely(fn: () => void) {
  try {
    fn();
  } catch (error) {
    // A signal is an accelerator (polls remain): its failure must not fail the committed write.
    console.error("[after-commit] callback failed", error);
  }
}
