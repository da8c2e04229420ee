import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { verifyLog } from "../../lib/audit";
import { db } from "../helpers/api";

function appender(count: number, label: string) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "tests/fixtures/append-many.ts", String(count), label], {
      env: process.env,
      stdio: ["ignore", "inherit", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${label} exited ${code}: ${stderr}`))));
  });
}

describe("two OS processes appending at once", () => {
  it("produce 1000 entries with no gap and no fork, and the chain verifies", async () => {
    const before = (await db.logHead.findUniqueOrThrow({ where: { id: 1 } })).sequence;
    await Promise.all([appender(500, "proc-a"), appender(500, "proc-b")]);
    const rows = await db.logEntry.findMany({ where: { sequence: { gt: before } }, orderBy: { sequence: "asc" } });
    expect(rows).toHaveLength(1000);
    expect(rows.filter((r) => r.actor === "proc-a")).toHaveLength(500);
    expect(rows.filter((r) => r.actor === "proc-b")).toHaveLength(500);
    rows.forEach((r, i) => expect(r.sequence).toBe(before + i + 1));
    expect(new Set(rows.map((r) => r.prevHash)).size).toBe(1000); // no two entries share a parent: no fork
    const result = await verifyLog({ db });
    expect(result).toMatchObject({ valid: true, first_bad_sequence: null });
    expect(result.checked).toBe(before + 1000);
  }, 240_000);
});
