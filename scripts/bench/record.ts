// Writes a benchmark's new run into docs/benchmarks.md: its section's current table is replaced
// by the new one, and the run it replaces becomes a line of the section's history (the section
// keeps its hand-written "what it says" notes only until the next run: they described that run).
import { readFileSync, writeFileSync } from "node:fs";

const FILE = "docs/benchmarks.md";

/**
 * `heading` starts the section ("## Chat (`npm run bench:chat`)"); `report` is the new section
 * body without the heading; `summary` describes a run in one line, given its section text.
 */
export function recordRun(o: { heading: string; when: string; report: string; summary: (section: string) => string; file?: string }) {
  const file = o.file ?? FILE;
  const text = readFileSync(file, "utf8");
  const start = text.indexOf(o.heading);
  const fresh = `${o.heading} — current: ${o.when}\n\n${o.report.trim()}\n`;
  if (start === -1) return writeFileSync(file, `${text.trimEnd()}\n\n${fresh}`);
  const next = text.indexOf("\n## ", start + o.heading.length);
  const end = next === -1 ? text.length : next + 1;
  const section = text.slice(start, end);
  const historyAt = section.indexOf("\nHistory (");
  const body = historyAt === -1 ? section : section.slice(0, historyAt);
  const earlier = historyAt === -1 ? [] : section.slice(historyAt).split("\n").filter((l) => l.startsWith("- "));
  const was = /— (?:current: )?(\d{4}-\d{2}-\d{2})/.exec(body)?.[1] ?? "earlier";
  const history = [`- ${was}: ${o.summary(body)}`, ...earlier];
  const replaced = `${fresh}\nHistory (one line per earlier run, newest first):\n${history.join("\n")}\n`;
  writeFileSync(file, text.slice(0, start) + replaced + (next === -1 ? "" : `\n${text.slice(end)}`));
}

/** Lines printed as they come and kept for the record. */
export function reportLines() {
  const lines: string[] = [];
  return {
    say(line: string) {
      console.log(line);
      lines.push(line);
    },
    text: () => lines.join("\n"),
  };
}

/** A run in one line: its table's rows, cells separated by spaces ("SQLite (WAL) 895 630 …; PostgreSQL …"). */
export function tableSummary(section: string): string {
  const rows = section.split("\n").filter((l) => l.startsWith("|") && !l.startsWith("|---"));
  return rows.slice(1).map((r) => r.split("|").map((c) => c.trim()).filter(Boolean).join(" ")).join("; ") || "see git history";
}
