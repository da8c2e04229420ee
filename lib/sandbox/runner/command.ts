// The command line of one run: prlimit (the per-process limits) around bubblewrap (the
// isolation) around the interpreter, or in process mode prlimit around `unshare --user --net`.
// The environment is built from nothing: the worker's own (database URL, secrets) never reaches
// the program, nor bwrap's pid 1, whose /proc/1/environ the program can read.
import { lstatSync, readdirSync, readlinkSync } from "node:fs";
import path from "node:path";
import type { SandboxLimits } from "../limits";
import type { Slot } from "./slots";
import type { Interpreter, Tools } from "./tools";
import { bwrapFeatures } from "./tools";
import type { RunDir } from "./workspace";
import type { Language } from "./types";

export type Command = { file: string; args: string[]; cwd: string; env: Record<string, string>; infoFd: boolean };

const MB = 1024 * 1024;
const SYSTEM_PATH = "/usr/local/bin:/usr/bin:/bin";
/** Where the run's files are inside the sandbox. */
export const INSIDE = { workspace: "/workspace", build: "/build" };
// /etc is not bound: only what the dynamic linker and the interpreters read (never shadow,
// ssh keys, or the machine's configuration). passwd and group are the run's own.
const ETC_FILES = ["ld.so.cache", "ld.so.conf", "ld.so.conf.d", "localtime", "alternatives", "mime.types"];

let systemBinds: string[] | undefined;

/** /usr read-only, the top-level links into it (/bin → usr/bin on a merged-/usr system) and a few /etc files. */
function systemDirs(): string[] {
  if (systemBinds) return systemBinds;
  const binds = ["--ro-bind", "/usr", "/usr"];
  for (const name of ["bin", "sbin", "lib", "lib32", "lib64", "libx32"]) {
    const host = `/${name}`;
    try {
      const st = lstatSync(host);
      if (st.isSymbolicLink()) binds.push("--symlink", readlinkSync(host), host);
      else if (st.isDirectory()) binds.push("--ro-bind", host, host);
    } catch {
      // not on this system
    }
  }
  let etc: string[] = [];
  try {
    etc = readdirSync("/etc").filter((n) => ETC_FILES.includes(n) || /^python3(\.\d+)?$/.test(n));
  } catch {
    // no /etc to speak of
  }
  for (const name of etc) binds.push("--ro-bind-try", `/etc/${name}`, `/etc/${name}`);
  return (systemBinds = binds);
}

function prlimitArgs(limits: SandboxLimits, slot: Slot): string[] {
  return [
    // Soft limit: SIGXCPU says "CPU"; the hard one a second later is the backstop.
    `--cpu=${limits.cpu_seconds}:${limits.cpu_seconds + 1}`,
    // RLIMIT_DATA, not RLIMIT_AS: an address-space limit kills Node at start (V8 reserves GBs).
    `--data=${limits.memory_mb * MB}`,
    `--fsize=${limits.file_size_mb * MB}`,
    "--core=0",
    // Counted per uid: only meaningful (and only safe) when the run has its slot's own uid;
    // run as the worker's uid it would count the worker's threads too.
    ...(slot.ownUser ? [`--nproc=${limits.processes}`] : []),
    "--",
  ];
}

function programArgv(o: { language: Language; interpreter: Interpreter; entry: string; args: string[]; limits: SandboxLimits }): string[] {
  // A file named "-c" is a file, not an option.
  const entry = o.entry.startsWith("-") ? `./${o.entry}` : o.entry;
  const node = [`--max-old-space-size=${o.limits.memory_mb}`];
  switch (o.language) {
    case "python":
      return [o.interpreter.path, entry, ...o.args];
    case "javascript":
      return [o.interpreter.path, ...node, entry, ...o.args];
    case "typescript":
      return [o.interpreter.path, ...node, "--enable-source-maps", entry, ...o.args];
    case "bash":
      return [o.interpreter.path, entry, ...o.args];
  }
}

function programEnv(home: string, interpreter: Interpreter): Record<string, string> {
  return {
    PATH: interpreter.prefix ? `${interpreter.prefix}/bin:${SYSTEM_PATH}` : SYSTEM_PATH,
    HOME: home,
    LANG: "C.UTF-8",
    USER: "sandbox",
    LOGNAME: "sandbox",
    TERM: "dumb",
    PYTHONDONTWRITEBYTECODE: "1",
    // Output reaches the console as it is printed, and is not lost in a buffer when a limit kills the run.
    PYTHONUNBUFFERED: "1",
    NO_COLOR: "1",
  };
}

/**
 * The command for one run. `entry` is relative to the workspace (or, for TypeScript, to the
 * build folder).
 */
export function buildCommand(o: { tools: Tools; limits: SandboxLimits; slot: Slot; run: RunDir; language: Language; interpreter: Interpreter; entry: string; args: string[] }): Command {
  const ts = o.language === "typescript";
  if (o.tools.mode === "process") {
    const entry = ts ? path.join(o.run.build, o.entry) : o.entry;
    const argv = programArgv({ ...o, entry });
    const env = { ...programEnv(o.run.workspace, o.interpreter), PWD: o.run.workspace };
    // `env -i` last, so the program gets exactly this environment even when a shell had to be
    // put in front to close inherited descriptors (bash adds SHLVL and PWD of its own).
    const setEnv = [o.tools.env, "-i", ...Object.entries(env).map(([k, v]) => `${k}=${v}`)];
    // unshare --user lets the slot's uid (not root) make the network namespace: no network at all.
    return {
      file: o.tools.prlimit,
      args: [...prlimitArgs(o.limits, o.slot), o.tools.isolator, "--user", "--net", "--", ...setEnv, ...argv],
      cwd: o.run.workspace,
      env,
      infoFd: false,
    };
  }

  const features = bwrapFeatures(o.tools.isolator);
  const tmpfsSize = features.size ? ["--size", String(o.limits.workspace_mb * MB)] : [];
  const entry = ts ? `${INSIDE.build}/${o.entry}` : o.entry;
  const bwrap = [
    "--unshare-user",
    "--unshare-pid",
    "--unshare-ipc",
    "--unshare-uts",
    "--unshare-cgroup-try",
    "--unshare-net",
    ...(features.disableUserns ? ["--disable-userns"] : []),
    "--die-with-parent",
    "--new-session",
    "--hostname",
    "sandbox",
    ...systemDirs(),
    ...(o.interpreter.prefix ? ["--ro-bind", o.interpreter.prefix, o.interpreter.prefix] : []),
    "--ro-bind",
    path.join(o.run.etc, "passwd"),
    "/etc/passwd",
    "--ro-bind",
    path.join(o.run.etc, "group"),
    "/etc/group",
    "--proc",
    "/proc",
    "--dev",
    "/dev",
    ...tmpfsSize,
    "--tmpfs",
    "/tmp",
    "--bind",
    o.run.workspace,
    INSIDE.workspace,
    ...(ts ? ["--ro-bind", o.run.build, INSIDE.build] : []),
    "--chdir",
    INSIDE.workspace,
    "--clearenv",
    ...Object.entries({ ...programEnv(INSIDE.workspace, o.interpreter), TMPDIR: "/tmp" }).flatMap(([k, v]) => ["--setenv", k, v]),
    // bwrap writes the sandbox's pid here once it is set up: without it, a failure is bwrap's, not the program's.
    "--info-fd",
    "3",
    "--",
    ...programArgv({ ...o, entry }),
  ];
  return {
    file: o.tools.prlimit,
    args: [...prlimitArgs(o.limits, o.slot), o.tools.isolator, ...bwrap],
    cwd: "/",
    env: { PATH: SYSTEM_PATH },
    infoFd: true,
  };
}
