/** What the queue tells its processes at once, so no one waits for a poll. */
export type JobSignal = { type: "ready" } | { type: "done"; jobId: number } | { type: "cancel"; jobId: number };

export type SignalBus = {
  /** Tells every process (this one included); never throws, never waits. */
  send(signal: JobSignal): void;
  /** Calls `fn` for every signal until the returned function is called. */
  listen(fn: (signal: JobSignal) => void): () => void;
  close(): Promise<void>;
};

export function parseSignal(text: string): JobSignal | null {
  try {
    const s = JSON.parse(text) as JobSignal;
    if (s.type === "ready") return s;
    if ((s.type === "done" || s.type === "cancel") && Number.isInteger(s.jobId)) return s;
  } catch {
    // not a signal: ignored like any stray write to the socket or channel
  }
  return null;
}
