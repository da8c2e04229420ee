// What an event, a task or the audit log may keep of a match: never a whole secret or card
// number. A match keeps its first and last few characters (fewer when short) with the middle
// starred, and the excerpt around it is cut to a few dozen characters.
const CONTEXT = 24;

export function maskMatch(match: string): string {
  const s = match.replace(/\s+/g, " ");
  if (s.length <= 4) return "*".repeat(s.length);
  const keep = s.length >= 16 ? 4 : s.length >= 8 ? 2 : 1;
  return s.slice(0, keep) + "*".repeat(Math.min(s.length - 2 * keep, 24)) + s.slice(-keep);
}

// Context next to a match may hold another secret: long tokens with digits and runs of digits
// are starred there too. (At most CONTEXT characters each side, so a plain regex is safe.)
function scrub(context: string): string {
  return context.replace(/[A-Za-z0-9_+/=-]{12,}/g, (t) => (/\d/.test(t) ? maskMatch(t) : t)).replace(/\d{4,}/g, (d) => "*".repeat(d.length));
}

/** A short excerpt of `text` around [start, end) with the matched part masked. */
export function maskedExcerpt(text: string, start: number, end: number): string {
  const before = scrub(text.slice(Math.max(0, start - CONTEXT), start).replace(/\s+/g, " "));
  const after = scrub(text.slice(end, end + CONTEXT).replace(/\s+/g, " "));
  return `${start > CONTEXT ? "…" : ""}${before}[${maskMatch(text.slice(start, end))}]${after}${end + CONTEXT < text.length ? "…" : ""}`;
}
