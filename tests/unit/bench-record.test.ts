// docs/benchmarks.md keeps one current table per benchmark and a history line per earlier run:
// recording a run replaces its section's table and notes, and the run it replaced becomes the
// newest history line; other sections are left as they were.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { recordRun, tableSummary } from "../../scripts/bench/record";

const DOC = `# Benchmarks

## Audit log (\`npm run bench:audit\`) — 2026-11-27

| database | appends/s |
|---|---:|
| SQLite (WAL) | 895 |

A note about that run.

## Reflection (\`npm run bench:reflection\`) — 2026-11-27

| database | ms |
|---|---:|
| SQLite (WAL) | 196 |
`;

describe("recording a benchmark run", () => {
  it("replaces the section's table, keeps the run it replaced as a history line, and leaves other sections alone", () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "grace-record-")), "benchmarks.md");
    writeFileSync(file, DOC);
    const run = (when: string, appends: number) =>
      recordRun({ file, heading: "## Audit log (`npm run bench:audit`)", when, report: `| database | appends/s |\n|---|---:|\n| SQLite (WAL) | ${appends} |`, summary: tableSummary });
    run("2026-12-01", 910);
    run("2026-12-02", 930);
    const text = readFileSync(file, "utf8");
    expect(text.match(/## Audit log/g)).toHaveLength(1);
    expect(text).toContain("## Audit log (`npm run bench:audit`) — current: 2026-12-02");
    expect(text).toContain("| SQLite (WAL) | 930 |");
    expect(text).not.toContain("| SQLite (WAL) | 910 |");
    expect(text).not.toContain("A note about that run.");
    expect(text).toContain("History (one line per earlier run, newest first):\n- 2026-12-01: SQLite (WAL) 910\n- 2026-11-27: SQLite (WAL) 895\n");
    expect(text).toContain("## Reflection (`npm run bench:reflection`) — 2026-11-27\n\n| database | ms |\n|---|---:|\n| SQLite (WAL) | 196 |");
  });
});
