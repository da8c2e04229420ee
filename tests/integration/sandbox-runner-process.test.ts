// The sandbox's configuration edges: bubblewrap missing (runs refused with how to install it,
// health says unavailable; never a silent fallback) and the weaker process mode an admin may
// choose instead (GRACE_SANDBOX=process). SQLite project only: the runner does not touch the
// database.
import { spawnSync } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { UnavailableError } from "../../lib/errors";
import { runChecks } from "../../lib/health/checks";
import { getLoopConfig } from "../../lib/loops/config";
import { runProgram } from "../../lib/sandbox/runner";
import { provider } from "../helpers/database";

afterEach(() => {
  delete process.env.GRACE_SANDBOX;
  delete process.env.GRACE_SANDBOX_BWRAP;
});

async function sandboxCheck() {
  const { settings } = await getLoopConfig({ db, name: "health" });
  return (await runChecks({ db, settings })).find((c) => c.component === "sandbox");
}

describe.runIf(provider === "sqlite")("sandbox without bubblewrap", () => {
  it("refuses to run, saying how to install it, and health shows the sandbox unavailable", async () => {
    process.env.GRACE_SANDBOX_BWRAP = "/nonexistent/bwrap";
    const refusal = runProgram({ language: "python", code: "print('must not run')" });
    await expect(refusal).rejects.toThrow(UnavailableError);
    await expect(refusal).rejects.toThrow(/apt-get install bubblewrap/);
    const check = await sandboxCheck();
    expect(check).toMatchObject({ component: "sandbox", status: "degraded" });
    expect(check!.error).toMatch(/^unavailable: .*bubblewrap.*apt-get install bubblewrap/);
  });

  it("health shows the sandbox ok when it works", async () => {
    const check = await sandboxCheck();
    // Not root, runs share the worker's uid: health says so rather than ok.
    if (process.getuid?.() === 0) expect(check).toMatchObject({ component: "sandbox", status: "ok", error: null });
    else expect(check!.error).toMatch(/not root/);
  });
});

describe.runIf(provider === "sqlite")("sandbox process mode (GRACE_SANDBOX=process)", () => {
  it("runs each language with stdin, with a clean environment and no network", async () => {
    process.env.GRACE_SANDBOX = "process";
    process.env.GRACE_FAKE_SECRET = "process-mode-secret";
    const server = createServer((s) => s.destroy());
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    try {
      const py = await runProgram({
        language: "python",
        code: `import os, socket, sys\nprint(sys.stdin.read(), sorted(os.environ))\ntry:\n    socket.create_connection(('127.0.0.1', ${port}), timeout=2)\n    print('connected')\nexcept OSError as e:\n    print('no network', e.errno)\n`,
        stdin: "in",
      });
      expect(py).toMatchObject({ status: "ok", isolation: "process" });
      expect(py.stdout).toContain("in ['HOME', 'LANG', 'LOGNAME', 'NO_COLOR', 'PATH', 'PWD', 'PYTHONDONTWRITEBYTECODE', 'PYTHONUNBUFFERED', 'TERM', 'USER']");
      expect(py.stdout).toContain("no network");
      expect(py.stdout).not.toContain("process-mode-secret");
      for (const [language, code] of [
        ["javascript", "console.log(require('fs').readFileSync(0, 'utf8'))"],
        ["typescript", "const s: string = require('fs').readFileSync(0, 'utf8'); console.log(s)"],
        ["bash", "cat"],
      ] as const) {
        expect(await runProgram({ language, code, stdin: "in\n" })).toMatchObject({ status: "ok", stdout: expect.stringMatching(/^in\n/) });
      }
    } finally {
      server.close();
      delete process.env.GRACE_FAKE_SECRET;
    }
  });

  it("applies the limits and leaves no process behind, even one that left the process group", async () => {
    process.env.GRACE_SANDBOX = "process";
    expect(await runProgram({ language: "python", code: "while True: pass", limits: { cpu_seconds: 1 } })).toMatchObject({ status: "timeout" });
    expect(await runProgram({ language: "python", code: "x = bytearray(1024 * 1024 * 1024)" })).toMatchObject({ status: "memory_limit" });
    const r = await runProgram({ language: "bash", code: "sleep 310 &\n(setsid sleep 311 &)\ncat /etc/shadow", slot: 29 });
    expect(r.stderr).toMatch(/\/etc\/shadow: Permission denied/);
    expect(spawnSync("pgrep", ["-f", "sleep 31[01]"], { encoding: "utf8" }).stdout).toBe("");
  });

  it("keeps concurrent runs out of each other's workspace (one uid per slot)", async () => {
    process.env.GRACE_SANDBOX = "process";
    // A prints its workspace's host path (process mode has no private mount) and waits.
    let printed = "";
    let ready!: (dir: string) => void;
    const aDir = new Promise<string>((r) => (ready = r));
    const a = runProgram({
      language: "bash",
      code: "echo private > mine.txt; pwd; sleep 2",
      onOutput: (_s, chunk) => {
        printed += chunk;
        if (printed.includes("\n")) ready(printed.split("\n")[0]);
      },
    });
    const dir = await aDir;
    const b = await runProgram({ language: "bash", code: 'read -r dir; cat "$dir/mine.txt"; ls "$dir"', stdin: `${dir}\n` });
    expect((await a).status).toBe("ok");
    expect(b.stdout).not.toContain("private");
    expect(b.stdout).not.toContain("mine.txt");
    // As root each slot has its own uid; otherwise both run as the worker's (health says so).
    if (process.getuid?.() === 0) expect(b.stderr).toMatch(/Permission denied/);
  });
});

