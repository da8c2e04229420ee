// The bwrap command line itself: what it binds is the isolation, so it is checked here as well
// as by the escape tests that run real programs (tests/integration/sandbox-runner-escapes).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { config } from "../../lib/config";
import { defaultLimits } from "../../lib/sandbox/limits";
import { buildCommand } from "../../lib/sandbox/runner/command";

const run = { dir: "/tmp/gs/run-x", workspace: "/tmp/gs/run-x/work", etc: "/tmp/gs/run-x/etc", build: "/tmp/gs/run-x/build" };
const slot = { index: 3, uid: 60003, gid: 60003, ownUser: true, release: async () => {} };
const interpreter = { path: "/usr/bin/python3.11", prefix: null };

function bwrapCommand() {
  return buildCommand({ tools: { mode: "bwrap", isolator: "/usr/bin/bwrap", prlimit: "/usr/bin/prlimit", env: "/usr/bin/env" }, limits: defaultLimits(), slot, run, language: "python", interpreter, entry: "main.py", args: ["--x"] });
}

/** The sources of bwrap's bind options (--bind, --ro-bind, --ro-bind-try …). */
function bindSources(args: string[]): string[] {
  return args.flatMap((a, i) => (/^--(ro-)?bind(-try)?$/.test(a) ? [args[i + 1]] : []));
}

describe("sandbox command", () => {
  it("runs bwrap under prlimit with the limits, every namespace, and the interpreter last", () => {
    const c = bwrapCommand();
    expect(c.file).toBe("/usr/bin/prlimit");
    expect(c.args).toEqual(expect.arrayContaining(["--cpu=5:6", `--data=${256 * 1024 * 1024}`, `--fsize=${10 * 1024 * 1024}`, "--nproc=64", "--core=0"]));
    expect(c.args).not.toEqual(expect.arrayContaining([expect.stringMatching(/^--as=/)]));
    for (const ns of ["--unshare-user", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-net", "--die-with-parent", "--new-session", "--clearenv"]) expect(c.args).toContain(ns);
    expect(c.args.slice(-3)).toEqual(["/usr/bin/python3.11", "main.py", "--x"]);
  });

  it("binds no secrets: not /etc as a whole, not /root, the repository, the data dir or the host's /proc", () => {
    const sources = bindSources(bwrapCommand().args);
    expect(sources).toContain("/usr");
    expect(sources).toContain(run.workspace);
    for (const forbidden of ["/", "/etc", "/etc/shadow", "/root", "/proc", "/home", process.cwd(), config.dataDir]) expect(sources).not.toContain(forbidden);
    for (const s of sources) {
      expect(process.cwd().startsWith(`${s}/`) || config.dataDir.startsWith(`${s}/`)).toBe(false);
      if (s.startsWith("/etc/")) expect(s).toMatch(/^\/etc\/(ld\.so\.cache|ld\.so\.conf(\.d)?|localtime|alternatives|mime\.types|python3(\.\d+)?)$/);
    }
    // A fresh /proc, /dev and /tmp of the sandbox's own.
    const args = bwrapCommand().args;
    expect(args[args.indexOf("--proc") + 1]).toBe("/proc");
    expect(args[args.indexOf("--tmpfs") + 1]).toBe("/tmp");
  });

  it("hands bwrap no environment of the worker's, and the program only a clean one", () => {
    const c = bwrapCommand();
    expect(c.env).toEqual({ PATH: "/usr/local/bin:/usr/bin:/bin" });
    const set = c.args.flatMap((a, i) => (a === "--setenv" ? [c.args[i + 1]] : []));
    expect(set.sort()).toEqual(["HOME", "LANG", "LOGNAME", "NO_COLOR", "PATH", "PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED", "TERM", "TMPDIR", "USER"]);
  });

  it("leaves RLIMIT_NPROC out when the run shares the worker's uid (it would count the worker's threads)", () => {
    const c = buildCommand({ tools: { mode: "bwrap", isolator: "/usr/bin/bwrap", prlimit: "/usr/bin/prlimit", env: "/usr/bin/env" }, limits: defaultLimits(), slot: { ...slot, ownUser: false }, run, language: "bash", interpreter, entry: "-x.sh", args: [] });
    expect(c.args.some((a) => a.startsWith("--nproc"))).toBe(false);
    expect(c.args.at(-1)).toBe("./-x.sh"); // a file, not an option
  });

  it("in process mode runs the interpreter under prlimit and unshare --user --net in the workspace", () => {
    const c = buildCommand({ tools: { mode: "process", isolator: "/usr/bin/unshare", prlimit: "/usr/bin/prlimit", env: "/usr/bin/env" }, limits: defaultLimits(), slot, run, language: "typescript", interpreter: { path: "/usr/bin/node", prefix: null }, entry: "main.js", args: [] });
    expect(c.args).toEqual(expect.arrayContaining(["/usr/bin/unshare", "--user", "--net"]));
    expect(c.args.at(-1)).toBe(path.join(run.build, "main.js"));
    expect(c.cwd).toBe(run.workspace);
    expect(c.env.HOME).toBe(run.workspace);
    expect(Object.keys(c.env)).not.toContain("DATABASE_URL");
    // env -i right before the program: a shell put in front (to close inherited descriptors) adds nothing.
    const env = c.args.indexOf("/usr/bin/env");
    expect(c.args.slice(env, env + 2)).toEqual(["/usr/bin/env", "-i"]);
    const end = c.args.indexOf("/usr/bin/node", env);
    expect(c.args.slice(env + 2, end).map((kv) => kv.split("=")[0]).sort()).toEqual(Object.keys(c.env).sort());
  });
});
