// How Grace shows a moment: relative to now ("3 min ago", "in 2 days") for the last and next
// week, a date in the viewer's time zone beyond that, and the exact UTC time for a tooltip.
// Pure functions of the date, "now" and the time zone, so tests pin all three.

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "2026-12-01 18:22:41 UTC": exact, and the same for everyone. */
export function exactUtc(date: Date, { seconds = true }: { seconds?: boolean } = {}): string {
  return `${date.toISOString().replace("T", " ").slice(0, seconds ? 19 : 16)} UTC`;
}

/** "Dec 1, 2026, 7:22:41 PM GMT+1": exact, in the viewer's time zone (the runtime's, unless given). */
export function exactLocal(date: Date, { timeZone }: { timeZone?: string } = {}): string {
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "long", timeZone }).format(date);
}

/** "just now", "3 min ago", "5 h ago", "2 days ago", "in 3 days"; further than a week: "Nov 12, 2026". */
export function relativeTime(date: Date, now: Date, { timeZone }: { timeZone?: string } = {}): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const ago = seconds <= 0;
  const span = Math.abs(seconds);
  const say = (n: number, unit: string) => (ago ? `${n} ${unit} ago` : `in ${n} ${unit}`);
  // Clocks disagree a little: a moment the server just wrote may be seconds "in the future" here.
  if (span < 45 || (!ago && span < MINUTE)) return "just now";
  if (span < HOUR - 30) return say(Math.max(1, Math.round(span / MINUTE)), "min");
  if (span < DAY - HOUR / 2) return say(Math.max(1, Math.round(span / HOUR)), "h");
  const days = Math.round(span / DAY);
  if (days < 7) return say(days, days === 1 ? "day" : "days");
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone }).format(date);
}
