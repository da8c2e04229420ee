// The worker's side of live output: chunks the program writes are gathered for a moment and
// stored as SandboxOutput rows, which a waiting page reads as they arrive. The run row gets the
// whole output (as kept by the runner's limits) when it ends.
import type { Db } from "../../db/client";

const FLUSH_MS = 50;
const FLUSH_BYTES = 16_384;

export function outputWriter(o: { db: Db; runId: number }) {
  const { db, runId } = o;
  let pending: { stream: string; text: string }[] = [];
  let bytes = 0;
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!pending.length) return writing;
    const rows = pending.map((p) => ({ runId, ...p }));
    pending = [];
    bytes = 0;
    // One write at a time, in order; a failed write loses live output only (the run row keeps it all).
    writing = writing.then(() => db.sandboxOutput.createMany({ data: rows }).then(() => undefined, (error) => console.error(`[sandbox] live output of run ${runId} not stored`, error)));
    return writing;
  };

  return {
    push(stream: "stdout" | "stderr", text: string) {
      const last = pending[pending.length - 1];
      if (last && last.stream === stream) last.text += text;
      else pending.push({ stream, text });
      bytes += text.length;
      if (bytes >= FLUSH_BYTES) void flush();
      else timer ??= setTimeout(() => void flush(), FLUSH_MS);
    },
    flush,
  };
}
