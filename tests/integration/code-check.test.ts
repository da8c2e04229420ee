// Issue 12, item 5: checkCode before a run, with the rules the migration seeded into the real
// database, and the Hunter scanner for code that applies the same rules. A rule changed in the
// database takes effect once the process's short cache has passed.
import { afterEach, describe, expect, it, vi } from "vitest";
import { checkCode } from "../../lib/code/check-code";
import { CACHE_MS } from "../../lib/code/rules";
import { recordFindings, scan } from "../../lib/hunter/scan";
import { writeTransaction } from "../../lib/db/transaction";
import { createUser, db } from "../helpers/api";

const CODE = ['import os', 'KEY = "AKIAIOSFODNN7EXAMPLE"', "# eval(x) in a comment is fine", "value = eval(input())", 'os.system("ls " + folder)', ""].join("\n");

let clock = Date.now();
/** Moves this process's clock past the rules' cache period (only Date: nothing waits). */
function afterCachePeriod() {
  clock = Math.max(clock, Date.now()) + CACHE_MS + 1;
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(clock);
}

afterEach(() => {
  vi.useRealTimers();
});

describe("checkCode with the seeded rules", async () => {
  const user = await createUser();
  const ruleId = async (name: string) => (await db.securityRule.findUniqueOrThrow({ where: { name } })).id;

  it("gives the editor diagnostics with lines and columns, and Hunter one finding per rule", async () => {
    const { diagnostics, findings } = await checkCode({ db, language: "python", fileName: "main.py", code: CODE });
    expect(diagnostics.map((d) => [d.rule, d.line, d.column, d.end_column, d.severity])).toEqual([
      ["secret.aws_access_key", 2, 8, 28, "error"],
      ["python.eval", 4, 9, 13, "warning"],
      ["python.os_system", 5, 1, 10, "warning"],
      ["python.shell_injection", 5, 1, 10, "error"],
    ]);
    expect(diagnostics.every((d) => d.source === "hunter" && d.end_line === d.line && d.message.length > 0)).toBe(true);
    expect(findings).toHaveLength(4);
    expect(findings.find((f) => f.rule === "python.eval")).toEqual({
      rule: "python.eval",
      ruleId: await ruleId("python.eval"),
      severity: "high",
      action: "alert",
      details: "eval() runs a string as Python code: whoever controls the string controls the program (main.py:4:9)",
    });

    // Recorded as Hunter's security events, tied to their rules.
    await writeTransaction((tx) => recordFindings({ tx, findings, input: { target: "code", text: CODE, user }, resource: "sandbox_run:test" }));
    const events = await db.securityEvent.findMany({ where: { resource: "sandbox_run:test" }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.ruleId, e.actionTaken])).toContainEqual(["code.python.eval", await ruleId("python.eval"), "alert"]);
  });

  it("registers the code scanner: scan({ target: 'code' }) applies the same rules, other targets are not its business", async () => {
    const viaHook = await scan({ target: "code", text: CODE, user });
    expect(viaHook.map((f) => f.rule).sort()).toEqual(["js.eval", "python.eval", "python.os_system", "python.shell_injection", "secret.aws_access_key"]);
    // Chat sees the chat rules only: the secret rules apply there too (20261202040500_hunter_rules), the language rules do not.
    expect((await scan({ target: "chat", text: CODE, user })).map((f) => f.rule)).toEqual(["secret.aws_access_key"]);
  });

  it("takes a changed rule into account within the cache period, never a disabled one, and a block refuses", async () => {
    afterCachePeriod(); // the clock stands still from here: the rules read next stay cached until it moves
    await checkCode({ db, language: "python", code: CODE });
    await db.securityRule.update({ where: { name: "python.eval" }, data: { enabled: false } });
    await db.securityRule.update({ where: { name: "secret.aws_access_key" }, data: { action: "block" } });
    await db.securityRule.create({ data: { name: "python.print", description: "print() call", target: "all", pattern: "\\b(print)\\(", severity: "low" } });
    await db.securityRule.create({ data: { name: "chat.only", description: "not for code", target: "chat", pattern: "import" } });
    // Within the period: the cached rules still answer.
    expect((await checkCode({ db, language: "python", code: CODE })).diagnostics.map((d) => d.rule)).toContain("python.eval");

    afterCachePeriod();
    const { diagnostics, findings } = await checkCode({ db, language: "python", code: `${CODE}print(1)\n` });
    const rules = diagnostics.map((d) => d.rule);
    expect(rules).not.toContain("python.eval");
    expect(rules).not.toContain("chat.only");
    expect(diagnostics.find((d) => d.rule === "python.print")).toMatchObject({ line: 6, column: 1, severity: "info" });
    expect(findings.find((f) => f.rule === "secret.aws_access_key")?.action).toBe("block");
    expect(diagnostics.find((d) => d.rule === "secret.aws_access_key")?.severity).toBe("error");
  });

  it("skips a rule re2js cannot compile, says so once, and keeps checking with the others", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      await db.securityRule.create({ data: { name: "python.backreference", description: "needs backtracking", target: "code", pattern: "(a)\\1" } });
      afterCachePeriod();
      const first = await checkCode({ db, language: "python", code: CODE });
      afterCachePeriod();
      const second = await checkCode({ db, language: "python", code: CODE });
      expect(first.diagnostics.map((d) => d.rule)).toContain("secret.aws_access_key");
      expect(second.diagnostics).toEqual(first.diagnostics);
      const said = warn.mock.calls.map((c) => String(c[0])).filter((m) => m.includes("python.backreference"));
      expect(said).toHaveLength(1);
    } finally {
      warn.mockRestore();
    }
  });

  it("checks JavaScript, TypeScript and Bash with their own rules", async () => {
    const js = await checkCode({ db, language: "javascript", code: 'const cp = require("child_process");\n// eval(x)\n' });
    expect(js.diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([["js.child_process", 1, 20]]);
    const ts = await checkCode({ db, language: null, fileName: "app.ts", code: "const f = new Function('return 1');\n" });
    expect(ts.diagnostics.map((d) => d.rule)).toEqual(["js.new_function"]);
    const sh = await checkCode({ db, language: "bash", code: "curl -s https://example.com/i.sh | bash\n" });
    expect(sh.diagnostics.map((d) => d.rule)).toEqual(["bash.curl_pipe_shell"]);
  });
});
