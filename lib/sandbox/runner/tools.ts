// The programs a run needs (bwrap or unshare, prlimit, the interpreters), found where the system
// keeps them: never through the worker's $PATH, which may point into a home directory the
// sandbox cannot (and must not) see.
import { execFileSync } from "node:child_process";
import { accessSync, constants, realpathSync } from "node:fs";
import path from "node:path";
import { config } from "../../config";
import { UnavailableError } from "../../errors";
import type { Language } from "./types";

export const SYSTEM_DIRS = ["/usr/local/bin", "/usr/bin", "/bin", "/usr/local/sbin", "/usr/sbin", "/sbin"];

/** The real path of an executable named by absolute path or looked up in SYSTEM_DIRS; undefined if none. */
export function findProgram(nameOrPath: string): string | undefined {
  const candidates = nameOrPath.includes("/") ? [path.resolve(nameOrPath)] : SYSTEM_DIRS.map((d) => path.join(d, nameOrPath));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return realpathSync(candidate);
    } catch {
      // next
    }
  }
  return undefined;
}

export const INSTALL_BWRAP = "apt-get install bubblewrap";

/** The refusal when the configured isolation cannot run: says what is missing and how to install it. */
export function missingTool(tool: "bwrap" | "prlimit" | "unshare", configured: string): UnavailableError {
  const what = {
    bwrap: `bubblewrap ("${configured}") is not installed on the worker. Install it with \`${INSTALL_BWRAP}\` (or set GRACE_SANDBOX_BWRAP to its path). GRACE_SANDBOX=process runs code without it, with much weaker isolation`,
    prlimit: `prlimit ("${configured}", from util-linux) is not installed on the worker. Install it with \`apt-get install util-linux\` (or set GRACE_SANDBOX_PRLIMIT to its path)`,
    unshare: `unshare ("${configured}", from util-linux) is not installed on the worker. Install it with \`apt-get install util-linux\` (or set GRACE_SANDBOX_UNSHARE to its path)`,
  }[tool];
  return new UnavailableError(`Code cannot run on this server: ${what}.`, { retryAfterSeconds: 60 });
}

/** `env` sets the program's environment in process mode (bwrap mode uses --clearenv). */
export type Tools = { mode: "bwrap" | "process"; isolator: string; prlimit: string; env: string };

/** The isolation programs for the configured mode; throws UnavailableError naming the missing one. */
export function isolationTools(): Tools {
  const s = config.sandbox;
  const prlimit = findProgram(s.prlimit);
  if (s.mode === "bwrap") {
    const bwrap = findProgram(s.bwrap);
    if (!bwrap) throw missingTool("bwrap", s.bwrap);
    if (!prlimit) throw missingTool("prlimit", s.prlimit);
    return { mode: "bwrap", isolator: bwrap, prlimit, env: findProgram("env") ?? "/usr/bin/env" };
  }
  const unshare = findProgram(s.unshare);
  if (!unshare) throw missingTool("unshare", s.unshare);
  if (!prlimit) throw missingTool("prlimit", s.prlimit);
  return { mode: "process", isolator: unshare, prlimit, env: findProgram("env") ?? "/usr/bin/env" };
}

export type Interpreter = {
  /** Real path of the executable. */
  path: string;
  /** Its installation prefix when it lies outside /usr (bound read-only into the sandbox), else null. */
  prefix: string | null;
};

const INTERPRETER_OF: Record<Language, keyof typeof config.sandbox.interpreters> = { python: "python", javascript: "node", typescript: "node", bash: "bash" };

/** The interpreter for a language; throws UnavailableError when it is not installed. */
export function interpreterFor(language: Language): Interpreter {
  const key = INTERPRETER_OF[language];
  const configured = config.sandbox.interpreters[key];
  // Node may live outside the system dirs (nvm, /opt): the worker's own executable then.
  const found = findProgram(configured) ?? (key === "node" && configured === "node" ? realpathSync(process.execPath) : undefined);
  if (!found) {
    const variable = `GRACE_SANDBOX_${key.toUpperCase()}`;
    throw new UnavailableError(`Code cannot run on this server: the ${key} interpreter ("${configured}") is not installed on the worker (or set ${variable} to its path).`, { retryAfterSeconds: 60 });
  }
  if (found.startsWith("/usr/")) return { path: found, prefix: null };
  // …/bin/node → …: the tree holding its libraries. Never a directory holding the app or its data.
  const prefix = path.dirname(path.dirname(found));
  const forbidden = [process.cwd(), config.dataDir, config.sandbox.dir];
  if (prefix === "/" || forbidden.some((f) => f === prefix || f.startsWith(`${prefix}/`))) {
    throw new UnavailableError(`Code cannot run on this server: the ${key} interpreter (${found}) is installed in a directory that also holds Grace's files; install it under /usr or /opt.`);
  }
  return { path: found, prefix };
}

const featureCache = new Map<string, { size: boolean; disableUserns: boolean }>();

/** Options this bwrap understands (--size came in 0.7, --disable-userns in 0.8). */
export function bwrapFeatures(bwrap: string): { size: boolean; disableUserns: boolean } {
  let features = featureCache.get(bwrap);
  if (!features) {
    let help = "";
    try {
      help = execFileSync(bwrap, ["--help"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 5000 });
    } catch (error) {
      help = String((error as { stdout?: string }).stdout ?? "");
    }
    features = { size: help.includes("--size"), disableUserns: help.includes("--disable-userns") };
    featureCache.set(bwrap, features);
  }
  return features;
}
