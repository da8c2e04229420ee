// Writes a benchmark's new run into docs/benchmarks.md: its section's current table is replaced
// by the new one, and the run it replaces becomes a line of the section's history (the section
// keeps its hand-written "what it says" notes only until the next run: they described that run).
import { readFileSync, writeFileSync } from "node:fs";

const FILE = "docs/benchmarks.md";

/**
 * `heading` starts the section ("## Chat (`npm run bench:chat`)"); `report` is the new section
 * body without the heading; `summary` describes a run in one line, given its section text.
 */
export function recordRun(o: { heading: string; when: string; report: string; summary: (section: string) => string }) {
  const text = readFileSync(FILE, "utf8");
  const start = text.indexOf(o.heading);
  const fresh = `${o.heading} — current: ${o.when}\n\n${o.report.trim()}\n`;
  if (start === -1) return writeFileSync(FILE, `${text.trimEnd()}\n\n${fresh}`);
  const next = text.indexOf("\n## ", start + o.heading.length);
  const end = next === -1 ? text.length : next + 1;
  const section = text.slice(start, end);
  const historyAt = section.indexOf("\nHistory (");
  const body = historyAt === -1 ? section : section.slice(0, historyAt);
  const earlier = historyAt === -1 ? [] : section.slice(historyAt).split("\n").filter((l) => l.startsWith("- "));
  const was = /— (?:current: )?(\d{4}-\d{2}-\d{2})/.exec(body)?.[1] ?? "earlier";
  const history = [`- ${was}: ${o.summary(body)}`, ...earlier];
  const replaced = `${fresh}\nHistory (one line per earlier run, newest first):\n${history.join("\n")}\n`;
  writeFileSync(FILE, text.slice(0, start) + replaced + (next === -1 ? "" : `\n${text.slice(end)}`));
}
