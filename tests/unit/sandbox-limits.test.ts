import { afterEach, describe, expect, it } from "vitest";
import { ValidationError } from "../../lib/errors";
import { defaultLimits, maxLimits, resolveLimits } from "../../lib/sandbox/limits";

const VARS = ["GRACE_SANDBOX_CPU_SECONDS", "GRACE_SANDBOX_MAX_CPU_SECONDS", "GRACE_SANDBOX_OUTPUT_KB", "GRACE_SANDBOX_MAX_OUTPUT_KB"];
afterEach(() => {
  for (const v of VARS) delete process.env[v];
});

function fieldsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error.fields.map((f) => f.field);
    throw error;
  }
  throw new Error("expected a ValidationError");
}

describe("sandbox limits", () => {
  it("default to the issue's numbers", () => {
    expect(defaultLimits()).toEqual({ cpu_seconds: 5, wall_seconds: 10, memory_mb: 256, processes: 64, file_size_mb: 10, output_kb: 64, workspace_mb: 64 });
    expect(resolveLimits()).toEqual(defaultLimits());
  });

  it("take a run's overrides within the maxima, fractions of a second for the wall clock", () => {
    expect(resolveLimits({ wall_seconds: 1.5, cpu_seconds: 30, output_kb: 4 })).toMatchObject({ wall_seconds: 1.5, cpu_seconds: 30, output_kb: 4, memory_mb: 256 });
  });

  it("refuse, naming each field, values over the maximum, below the minimum, fractional or unknown", () => {
    expect(fieldsOf(() => resolveLimits({ cpu_seconds: 31 }))).toEqual(["limits.cpu_seconds"]);
    expect(fieldsOf(() => resolveLimits({ memory_mb: 8, processes: 2.5 }))).toEqual(["limits.memory_mb", "limits.processes"]);
    expect(fieldsOf(() => resolveLimits({ output_kb: "64" as unknown as number }))).toEqual(["limits.output_kb"]);
    expect(fieldsOf(() => resolveLimits({ disk: 1 } as never))).toEqual(["limits.disk"]);
  });

  it("come from the settings; a maximum below its default is raised to it", () => {
    process.env.GRACE_SANDBOX_CPU_SECONDS = "3";
    process.env.GRACE_SANDBOX_OUTPUT_KB = "128";
    process.env.GRACE_SANDBOX_MAX_OUTPUT_KB = "16";
    expect(defaultLimits()).toMatchObject({ cpu_seconds: 3, output_kb: 128 });
    expect(maxLimits().output_kb).toBe(128);
    expect(fieldsOf(() => resolveLimits({ output_kb: 129 }))).toEqual(["limits.output_kb"]);
  });
});
