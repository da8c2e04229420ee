// What a misspelled name was meant to be: the one candidate nearest to it, when exactly one
// is near enough (edit distance 1 for short names, 2 for longer ones; a swap of two
// neighbouring letters counts as one edit).

/** Optimal-string-alignment distance, or `max + 1` as soon as it is known to be larger. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2] + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length];
}

/** The unique nearest candidate to `name`, or null when none is near enough or two are equally near. */
export function closestName(name: string, candidates: Iterable<string>): string | null {
  const max = name.length <= 4 ? 1 : 2;
  let best: string | null = null;
  let bestDistance = max + 1;
  let tie = false;
  for (const candidate of new Set(candidates)) {
    if (candidate === name) continue;
    const d = editDistance(name, candidate, max);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance && d <= max) tie = true;
  }
  return best && !tie ? best : null;
}
