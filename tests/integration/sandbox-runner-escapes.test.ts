// Programs that try to get out of the sandbox, run for real under bubblewrap: every attempt
// must fail. (SQLite project only: the runner does not touch the database.)
import { spawnSync } from "node:child_process";
import { createSocket } from "node:dgram";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { config } from "../../lib/config";
import { runProgram } from "../../lib/sandbox/runner";
import { provider } from "../helpers/database";

function liveProcessesOf(uid: number): string[] {
  const ps = spawnSync("ps", ["-u", String(uid), "-o", "stat=,args="], { encoding: "utf8" });
  return ps.stdout.split("\n").filter((l) => l.trim() && !l.trim().startsWith("Z"));
}

describe.runIf(provider === "sqlite")("sandbox escapes", () => {
  const secret = `s3cret-${randomBytes(6).toString("hex")}`;

  it("cannot read /etc/shadow, nor list the host's /etc", async () => {
    const r = await runProgram({ language: "bash", code: "cat /etc/shadow; ls /etc; ls /root; cat /etc/hostname" });
    expect(r.stdout).not.toMatch(/root:/);
    expect(r.stderr).toMatch(/\/etc\/shadow: No such file or directory/);
    expect(r.stdout.split("\n").filter(Boolean).sort()).toEqual(
      expect.arrayContaining(["group", "ld.so.cache", "passwd"]),
    );
    expect(r.stdout).not.toMatch(/shadow|ssh|sudoers|hostname/);
  });

  it("cannot read the app's data dir or the repository", async () => {
    mkdirSync(config.dataDir, { recursive: true });
    const file = path.join(config.dataDir, "secret.txt");
    writeFileSync(file, secret);
    const repoFile = path.join(process.cwd(), "package.json");
    const r = await runProgram({
      language: "python",
      code: `for p in [${JSON.stringify(file)}, ${JSON.stringify(repoFile)}, ${JSON.stringify(config.dataDir)}]:\n    try:\n        print(open(p).read())\n    except OSError as e:\n        print('denied', type(e).__name__)\n`,
    });
    expect(r.stdout).not.toContain(secret);
    expect(r.stdout).not.toContain('"name": "grace"');
    expect(r.stdout).toBe("denied FileNotFoundError\ndenied FileNotFoundError\ndenied FileNotFoundError\n");
  });

  it("cannot see the worker's environment, in its own or in /proc/1/environ", async () => {
    process.env.GRACE_FAKE_SECRET = secret;
    try {
      const r = await runProgram({
        language: "javascript",
        code: "const fs = require('fs');\nconsole.log(JSON.stringify(process.env));\nfor (const p of ['/proc/1/environ', '/proc/self/environ', '/proc/2/environ']) { try { console.log(fs.readFileSync(p, 'utf8')); } catch (e) { console.log(p, e.code); } }",
      });
      expect(r.status).toBe("ok");
      expect(r.stdout).not.toContain(secret);
      expect(r.stdout).not.toContain("DATABASE_URL");
      expect(r.stdout).not.toContain("NEXTAUTH_SECRET");
      expect(Object.keys(JSON.parse(r.stdout.split("\n")[0])).sort()).toEqual(["HOME", "LANG", "LOGNAME", "NO_COLOR", "PATH", "PWD", "PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED", "TERM", "TMPDIR", "USER"]);
    } finally {
      delete process.env.GRACE_FAKE_SECRET;
    }
  });

  describe("network", () => {
    let tcpPort = 0;
    let udpPort = 0;
    let tcpConnections = 0;
    let udpMessages = 0;
    const tcp = createServer((s) => {
      tcpConnections++;
      s.destroy();
    });
    const udp = createSocket("udp4", () => udpMessages++);
    beforeAll(async () => {
      await new Promise<void>((r) => tcp.listen(0, "127.0.0.1", r));
      tcpPort = (tcp.address() as AddressInfo).port;
      await new Promise<void>((r) => udp.bind(0, "127.0.0.1", r));
      udpPort = udp.address().port;
    });
    afterAll(() => {
      tcp.close();
      udp.close();
    });

    it("cannot open a TCP connection or send UDP, to 127.0.0.1 or anywhere", async () => {
      const r = await runProgram({
        language: "python",
        code: [
          "import socket",
          `for host, port in [('127.0.0.1', ${tcpPort}), ('1.1.1.1', 53), ('10.0.0.1', 80)]:`,
          "    try:",
          "        socket.create_connection((host, port), timeout=2)",
          "        print('connected', host)",
          "    except OSError as e:",
          "        print('tcp failed', host, e.errno)",
          `for host in ['127.0.0.1', '1.1.1.1']:`,
          "    try:",
          "        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)",
          `        s.sendto(b'ping', (host, ${udpPort}))`,
          "        print('udp sent', host)",
          "    except OSError as e:",
          "        print('udp failed', host, e.errno)",
        ].join("\n"),
      });
      expect(r.stdout).not.toContain("connected");
      expect(r.stdout).toContain("tcp failed 127.0.0.1");
      expect(r.stdout).toContain("tcp failed 1.1.1.1");
      expect(r.stdout).toContain("udp failed 1.1.1.1");
      // A datagram to 127.0.0.1 goes to the sandbox's own loopback: it never reaches the host's.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(tcpConnections).toBe(0);
      expect(udpMessages).toBe(0);
      // …while the host's listeners do work (the test would prove nothing otherwise).
      const probe = createSocket("udp4");
      await new Promise<void>((resolve) => probe.send("x", udpPort, "127.0.0.1", () => resolve()));
      probe.close();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(udpMessages).toBe(1);
    });
  });

  it("cannot write outside its workspace; its /tmp is its own and gone after the run", async () => {
    const marker = `grace-escape-${randomBytes(4).toString("hex")}`;
    const targets = ["/usr/x", "/etc/passwd", path.join(config.dataDir, "x"), path.join(process.cwd(), "x"), "/proc/sys/kernel/hostname"];
    const r = await runProgram({
      language: "python",
      code: `import os\nfor p in ${JSON.stringify(targets)}:\n    try:\n        open(p, 'w').write('x')\n        print('wrote', p)\n    except OSError as e:\n        print('refused', p)\nopen('/tmp/${marker}', 'w').write('x')\nopen('kept.txt', 'w').write('x')\nprint(os.path.exists('/tmp/${marker}'))\n`,
    });
    expect(r.stdout).not.toContain("wrote");
    expect(r.stdout.match(/refused/g)).toHaveLength(targets.length);
    expect(r.stdout).toContain("True");
    expect(existsSync(`/tmp/${marker}`)).toBe(false);
    expect(existsSync(path.join(config.dataDir, "x"))).toBe(false);
    expect(r.files_written).toEqual([{ path: "kept.txt", size: 1 }]);
  });

  it("does not see another run's files during two concurrent runs in different slots", async () => {
    let ready!: () => void;
    const aReady = new Promise<void>((r) => (ready = r));
    const a = runProgram({
      language: "bash",
      code: `echo ${secret} > mine.txt; id -u; echo ready; sleep 2`,
      files: [{ path: "a-input.txt", content: secret }],
      onOutput: (_s, chunk) => chunk.includes("ready") && ready(),
    });
    await aReady;
    const b = await runProgram({
      language: "bash",
      // Everywhere it can write or look but /usr (read-only, and large) and /proc.
      // The secret comes on stdin, so that the script itself does not hold it.
      code: `id -u; ls -A /workspace; read -r s; grep -rlsD skip "$s" /workspace /tmp /dev /etc /run 2>/dev/null; find / -path /proc -prune -o -path /usr -prune -o -name mine.txt -print 2>/dev/null`,
      stdin: `${secret}\n`,
    });
    const ra = await a;
    const [uidA] = ra.stdout.split("\n");
    const [uidB, listing] = b.stdout.split("\n");
    expect(uidA).not.toBe(uidB);
    expect(listing).toBe("main.sh");
    expect(b.stdout).not.toContain(secret);
    expect(b.stdout).not.toContain("mine.txt");
  });

  it("leaves no process running after the run", async () => {
    // Slot 31 is this test's alone, so `ps` for its uid sees nothing of other tests' runs.
    const r = await runProgram({ language: "bash", code: "sleep 300 &\n(setsid sleep 301 &)\nnohup sleep 302 >/dev/null 2>&1 &\ndisown -a\necho started", slot: 31 });
    expect(r).toMatchObject({ status: "ok", stdout: "started\n" });
    expect(liveProcessesOf(config.sandbox.uidBase + 31)).toEqual([]);
    expect(spawnSync("pgrep", ["-f", "sleep 30[012]"], { encoding: "utf8" }).stdout).toBe("");
  });
});
