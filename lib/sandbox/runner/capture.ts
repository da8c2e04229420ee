// One output stream of a run: keeps the first `limit` bytes (the rest is dropped and the
// stream marked truncated), hands what it keeps to the live listener as text, and remembers
// the last few KB of everything for classifying the exit (a Python MemoryError is at the end).
import { StringDecoder } from "node:string_decoder";

const TAIL_BYTES = 8 * 1024;

export class Capture {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  private tailBuffer = Buffer.alloc(0);
  private readonly decoder = new StringDecoder("utf8");
  truncated = false;

  constructor(
    private readonly limit: number,
    private readonly onText?: (text: string) => void,
  ) {}

  /** Adds a chunk; returns false once the limit is passed (the caller stops the run). */
  push(chunk: Buffer): boolean {
    this.tailBuffer = Buffer.concat([this.tailBuffer, chunk]).subarray(-TAIL_BYTES);
    if (this.truncated) return false;
    const room = this.limit - this.kept;
    const keep = chunk.length > room ? chunk.subarray(0, room) : chunk;
    if (keep.length) {
      this.chunks.push(keep);
      this.kept += keep.length;
      const text = this.decoder.write(keep);
      if (text && this.onText) this.onText(text);
    }
    if (chunk.length > room) this.truncated = true;
    return !this.truncated;
  }

  /** The kept output as text; a character cut in half at the limit is left out. */
  text(): string {
    const bytes = Buffer.concat(this.chunks);
    return (this.truncated ? bytes.subarray(0, completeUtf8Length(bytes)) : bytes).toString("utf8");
  }

  /** The last bytes written, kept or not, as text. */
  tail(): string {
    return this.tailBuffer.toString("utf8");
  }
}

/** The length of `bytes` without a trailing incomplete UTF-8 sequence. */
export function completeUtf8Length(bytes: Buffer): number {
  let i = bytes.length;
  // Step back over continuation bytes (10xxxxxx) to the lead byte of the last sequence.
  let back = 0;
  while (i > 0 && back < 4 && (bytes[i - 1] & 0xc0) === 0x80) {
    i--;
    back++;
  }
  if (i === 0) return bytes.length;
  const lead = bytes[i - 1];
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return need === back + 1 ? bytes.length : need > 1 ? i - 1 : bytes.length;
}
