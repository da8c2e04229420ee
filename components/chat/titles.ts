// How the conversation list names and groups its rows. Pure functions (unit-tested).

type Named = { id: number; title: string };

// What two lines of the list's width hold: a longer label would be clamped, and the part that
// tells it apart from its neighbours (often at its end) would not show.
const MAX = 40;

/** Cuts a title at a word boundary before `max` characters, with an ellipsis. */
export function shorten(title: string, max = MAX): string {
  const t = title.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${trimEnd(space > max / 2 ? cut.slice(0, space) : cut)}…`;
}

// Spaces and punctuation that should not come before the ellipsis (a loop: linear, unlike a `+$` regex).
function trimEnd(text: string): string {
  let end = text.length;
  while (end > 0 && " ,;:.–—-".includes(text[end - 1])) end--;
  return text.slice(0, end);
}

const words = (t: string) => t.replace(/\s+/g, " ").trim().split(" ");
const key = (t: string) => words(t).join(" ").toLowerCase();

/**
 * A label per conversation, told apart from the others in the list: titles that begin alike
 * (the same first 4 words) keep their first word or two and skip to where they differ — "What
 * temperature … boiler run at?" next to "What temperature … freezer hold?" — and titles that
 * are the same throughout are numbered, oldest first ("… (2)").
 */
export function distinctTitles(items: Named[]): Map<number, string> {
  const labels = new Map<number, string>();
  const byStart = new Map<string, Named[]>();
  for (const c of items) {
    const start = words(c.title).slice(0, 4).join(" ").toLowerCase();
    byStart.set(start, [...(byStart.get(start) ?? []), c]);
  }
  for (const group of byStart.values()) {
    const distinct = new Set(group.map((c) => key(c.title)));
    for (const c of group) {
      const w = words(c.title);
      let label = shorten(c.title);
      if (distinct.size > 1) {
        // The words every title of the group shares before this one differs from some other.
        const others = group.filter((g) => key(g.title) !== key(c.title)).map((g) => words(g.title.toLowerCase()));
        const shared = Math.min(...others.map((o) => commonPrefix(o, w.map((x) => x.toLowerCase()))));
        if (shared > 2) {
          // Two words of the shared start for context, or one when two leave the rest no room.
          const skip = (keep: number) => `${w.slice(0, keep).join(" ")} … ${w.slice(shared).join(" ")}`;
          label = shorten(skip(2).length <= MAX ? skip(2) : skip(1));
        }
      }
      labels.set(c.id, label);
    }
    // Same words throughout: a number, in the order they were started (ids grow with time),
    // kept within the length so that it shows.
    for (const k of distinct) {
      const same = group.filter((c) => key(c.title) === k).sort((a, b) => a.id - b.id);
      same.forEach((c, i) => {
        if (i > 0) labels.set(c.id, `${shorten(labels.get(c.id)!.replace(/…$/, ""), MAX - 5)} (${i + 1})`);
      });
    }
  }
  return labels;
}

function commonPrefix(a: string[], b: string[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

export type DateGroup = "Today" | "Yesterday" | "Last 7 days" | "Older";

/** The list's date group for a time, by the viewer's calendar days (their time zone). */
export function dateGroup(at: Date, now = new Date()): DateGroup {
  const day = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((day(now) - day(at)) / 86_400_000);
  if (days <= 0) return "Today";
  if (days === 1) return "Yesterday";
  if (days < 7) return "Last 7 days";
  return "Older";
}

/** Conversations by last activity, newest first, in date groups (empty groups left out). */
export function groupByDate<T extends { updated_at: string }>(items: T[], now = new Date()): { group: DateGroup; items: T[] }[] {
  const order: DateGroup[] = ["Today", "Yesterday", "Last 7 days", "Older"];
  const sorted = [...items].sort((a, b) => b.updated_at.localeCompare(a.updated_at));
  return order.map((group) => ({ group, items: sorted.filter((c) => dateGroup(new Date(c.updated_at), now) === group) })).filter((g) => g.items.length > 0);
}
