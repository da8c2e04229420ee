// The limits a sandbox run gets (shown in the IDE and returned with each run, in the spirit of
// Judge0 and Piston). Defaults and maxima are settings (GRACE_SANDBOX_* in lib/config.ts); a
// run may ask for other values up to the maxima, never more.
import { config } from "../config";
import { ValidationError, type FieldError } from "../errors";

export type SandboxLimits = {
  /** CPU time per process (RLIMIT_CPU), seconds. */
  cpu_seconds: number;
  /** Wall-clock time of the whole run, seconds (fractions allowed per run). */
  wall_seconds: number;
  /** Data segment per process (RLIMIT_DATA), MB. */
  memory_mb: number;
  /** Processes and threads of the run's uid at once (RLIMIT_NPROC). */
  processes: number;
  /** Largest file the run may write (RLIMIT_FSIZE), MB. */
  file_size_mb: number;
  /** Output kept per stream (stdout, stderr), KB; the rest is dropped. */
  output_kb: number;
  /** All files in the workspace together, MB (also the size of the run's /tmp). */
  workspace_mb: number;
};

export const LIMIT_NAMES = ["cpu_seconds", "wall_seconds", "memory_mb", "processes", "file_size_mb", "output_kb", "workspace_mb"] as const satisfies readonly (keyof SandboxLimits)[];

// Below these a run cannot start at all (Node needs ~50 MB of data and ~11 threads), so asking
// for less is an input error rather than a confusing failure.
const MINIMUM: SandboxLimits = { cpu_seconds: 1, wall_seconds: 0.5, memory_mb: 64, processes: 16, file_size_mb: 1, output_kb: 1, workspace_mb: 1 };

/** The limits a run gets when it asks for nothing. */
export function defaultLimits(): SandboxLimits {
  return { ...config.sandbox.limits };
}

/** The most a run may ask for. */
export function maxLimits(): SandboxLimits {
  return { ...config.sandbox.maxLimits };
}

/**
 * The defaults with a run's overrides applied. Throws ValidationError naming each bad field
 * (`limits.cpu_seconds`): not a number, below the minimum, above the configured maximum, or a
 * fraction where only whole numbers work (all but wall_seconds).
 */
export function resolveLimits(overrides: Partial<Record<keyof SandboxLimits, unknown>> = {}): SandboxLimits {
  const limits = defaultLimits();
  const max = maxLimits();
  const problems: FieldError[] = [];
  for (const key of Object.keys(overrides)) {
    if (!(LIMIT_NAMES as readonly string[]).includes(key)) problems.push({ field: `limits.${key}`, message: `is not a limit (${LIMIT_NAMES.join(", ")})` });
  }
  for (const name of LIMIT_NAMES) {
    const value = overrides[name];
    if (value === undefined) continue;
    const field = `limits.${name}`;
    if (typeof value !== "number" || !Number.isFinite(value)) problems.push({ field, message: "must be a number" });
    else if (name !== "wall_seconds" && !Number.isInteger(value)) problems.push({ field, message: "must be a whole number" });
    else if (value < MINIMUM[name]) problems.push({ field, message: `must be at least ${MINIMUM[name]}` });
    else if (value > max[name]) problems.push({ field, message: `must be at most ${max[name]} (the configured maximum)` });
    else limits[name] = value;
  }
  if (problems.length) throw new ValidationError(problems);
  return limits;
}
