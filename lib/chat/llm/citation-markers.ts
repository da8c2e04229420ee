// A model's citation markers, checked as its answer streams: a marker naming a source the model
// was given is kept, written the one way the rest of chat reads (`[1]`, `[1][2]`); a marker naming
// no given source (an invented `[7]`) is removed, with the space it leaves before punctuation.
// Markers: `[1]`, `[1, 2]`, `[1][2]`, `[^1]`, `【1】`. Text already handed to the reader cannot be
// taken back, so text from an opening bracket is held until the marker closes (or turns out not
// to be one: a character no marker holds, or more than MAX_HELD characters), then released.
// One pass, character by character, no regular expressions on the model's text: linear time.

/** The longest marker held back, brackets included: "[1, 2, 3, 4]" is 12. */
const MAX_HELD = 12;
const MAX_DIGITS = 3;

const OPEN: Record<string, string> = { "[": "]", "【": "】" };
const SEPARATORS = new Set([",", " ", "，", "、"]);
/** After a removed marker, the space before these goes too: "foo [7]." → "foo.". */
const CLOSING = new Set([".", ",", ";", ":", "!", "?", ")", "。", "，", "、", "！", "？", "；", "：", "）", "」", "\n"]);

function digitOf(ch: string): number | null {
  const c = ch.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10; // full-width digits
  return null;
}

const isSpace = (ch: string) => ch === " " || ch === "\t";

export class CitationMarkerFilter {
  /** The answer as kept, a piece per released character or marker (pieces are trimmed from the end, so no string copies). */
  private readonly out: string[] = [];
  /** How many pieces of `out` were handed out by `push`. */
  private handed = 0;
  /** Held text that may be the start of a marker. */
  private held: string[] = [];
  private close = "";
  private readonly used = new Set<number>();
  /** A marker was just removed: spaces it leaves behind go too. */
  private removed = false;

  constructor(private readonly valid: ReadonlySet<number>) {}

  /** Takes the next piece of the model's text; returns what may be shown now. */
  push(token: string): string {
    for (const ch of token) this.step(ch);
    return this.release();
  }

  /** The model has finished: releases what is held (an unfinished marker is plain text). */
  end(): string {
    this.giveUp();
    if (this.removed) this.trimSpaces();
    this.removed = false;
    return this.release();
  }

  /** The text as kept so far (without anything still held). */
  text(): string {
    return this.out.join("");
  }

  /** The given source numbers the kept text cites, in order of first citation. */
  cited(): number[] {
    return [...this.used];
  }

  private release(): string {
    const fresh = this.out.slice(this.handed).join("");
    this.handed = this.out.length;
    return fresh;
  }

  private step(ch: string): void {
    if (!this.held.length) {
      if (ch in OPEN) {
        this.held.push(ch);
        this.close = OPEN[ch];
      } else this.emit(ch);
      return;
    }
    if (ch === this.close) {
      this.held.push(ch);
      this.finishMarker();
      return;
    }
    const footnote = ch === "^" && this.held.length === 1 && this.held[0] === "[";
    if ((footnote || digitOf(ch) !== null || SEPARATORS.has(ch)) && this.held.length < MAX_HELD - 1) {
      this.held.push(ch);
      return;
    }
    // Not a marker after all: the held text is plain text, and this character starts afresh.
    this.giveUp();
    this.step(ch);
  }

  private finishMarker(): void {
    const numbers: number[] = [];
    let digits = 0;
    let current = 0;
    let wellFormed = true;
    const flush = () => {
      if (digits) numbers.push(current);
      digits = 0;
      current = 0;
    };
    for (const ch of this.held.slice(1, -1)) {
      const d = digitOf(ch);
      if (d === null) flush();
      else if (++digits > MAX_DIGITS) wellFormed = false;
      else current = current * 10 + d;
    }
    flush();
    if (!wellFormed || !numbers.length) {
      this.giveUp(); // "[]", "[ , ]", "[1234]": brackets, not a citation
      return;
    }
    this.held = [];
    const kept = [...new Set(numbers.filter((n) => this.valid.has(n)))];
    if (!kept.length) {
      this.removed = true;
      return;
    }
    this.removed = false;
    for (const n of kept) {
      this.used.add(n);
      this.out.push(`[${n}]`);
    }
  }

  /** Releases the held text as plain text. */
  private giveUp(): void {
    const held = this.held;
    this.held = [];
    for (const ch of held) this.emit(ch);
  }

  private emit(ch: string): void {
    if (this.removed) {
      if (isSpace(ch)) {
        // "foo [7] bar": one space stays; "foo [7]  [8] bar" likewise.
        const last = this.out[this.out.length - 1];
        if (last === undefined || isSpace(last) || last === "\n") return;
        this.removed = false;
      } else {
        if (CLOSING.has(ch)) this.trimSpaces();
        this.removed = false;
      }
    }
    this.out.push(ch);
  }

  /** Drops the spaces at the end of the kept text (even when already shown: the stored answer is the tidy one). */
  private trimSpaces(): void {
    while (this.out.length && isSpace(this.out[this.out.length - 1])) this.out.pop();
    this.handed = Math.min(this.handed, this.out.length);
  }
}
