import { describe, expect, it } from "vitest";
import { ValidationError } from "../../lib/errors";
import { defaultLimits } from "../../lib/sandbox/limits";
import { Capture, completeUtf8Length } from "../../lib/sandbox/runner/capture";
import { classify, normalizeExit, type Exit, type StopReason } from "../../lib/sandbox/runner/status";
import type { Language } from "../../lib/sandbox/runner/types";
import { workspacePath } from "../../lib/sandbox/runner/workspace";

const status = (o: { stop?: StopReason; exit?: Partial<Exit>; stderr?: string; language?: Language; truncated?: boolean }) =>
  classify({
    stop: o.stop ?? null,
    exit: { code: null, signal: null, ...o.exit },
    stderrTail: o.stderr ?? "",
    language: o.language ?? "python",
    limits: defaultLimits(),
    outputTruncated: o.truncated ?? false,
  }).status;

describe("run status", () => {
  it("maps exits, limits and Stop to the statuses", () => {
    expect(status({ exit: { code: 0 } })).toBe("ok");
    expect(status({ exit: { code: 1 }, stderr: "ZeroDivisionError: division by zero" })).toBe("runtime_error");
    expect(status({ stop: "wall", exit: { code: 137 } })).toBe("timeout");
    expect(status({ exit: { code: 152 } })).toBe("timeout"); // SIGXCPU through bwrap: 128 + 24
    expect(status({ exit: { signal: "SIGXCPU" } })).toBe("timeout");
    expect(status({ exit: { code: 137 } })).toBe("timeout"); // the CPU limit's hard SIGKILL
    expect(status({ exit: { code: 1 }, stderr: "Traceback …\nMemoryError\n" })).toBe("memory_limit");
    expect(status({ exit: { code: 134 }, stderr: "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory", language: "javascript" })).toBe("memory_limit");
    expect(status({ exit: { code: 139 }, language: "typescript" })).toBe("memory_limit"); // V8 faulting on an unmappable ArrayBuffer
    expect(status({ exit: { code: 139 }, language: "python" })).toBe("runtime_error");
    expect(status({ exit: { code: 2 }, stderr: "main.sh: xrealloc: cannot allocate 268050432 bytes", language: "bash" })).toBe("memory_limit");
    expect(status({ stop: "output", exit: { code: 137 } })).toBe("output_limit");
    expect(status({ stop: "workspace", exit: { code: 137 } })).toBe("output_limit");
    expect(status({ stop: "memory", exit: { code: 137 } })).toBe("memory_limit"); // the processes together
    expect(status({ exit: { code: 0 }, truncated: true })).toBe("output_limit");
    expect(status({ exit: { code: 153 } })).toBe("output_limit"); // SIGXFSZ
    expect(status({ exit: { code: 1 }, stderr: "OSError: [Errno 27] File too large" })).toBe("output_limit");
    expect(status({ stop: "abort", exit: { code: 137 } })).toBe("killed");
    // What stopped the run wins over how it died.
    expect(status({ stop: "wall", exit: { code: 1 }, stderr: "MemoryError" })).toBe("timeout");
  });

  it("reads bwrap's 128 + n exit codes as signals", () => {
    expect(normalizeExit({ code: 137, signal: null })).toEqual({ exitCode: 137, signal: "SIGKILL" });
    expect(normalizeExit({ code: null, signal: "SIGKILL" })).toEqual({ exitCode: 137, signal: "SIGKILL" });
    expect(normalizeExit({ code: 3, signal: null })).toEqual({ exitCode: 3, signal: null });
  });
});

describe("output capture", () => {
  it("keeps the first bytes up to the limit, marks the rest dropped and keeps the tail for diagnosis", () => {
    const live: string[] = [];
    const c = new Capture(10, (t) => live.push(t));
    expect(c.push(Buffer.from("hello "))).toBe(true);
    expect(c.push(Buffer.from("world and more"))).toBe(false);
    expect(c.push(Buffer.from(" MemoryError"))).toBe(false);
    expect(c.text()).toBe("hello worl");
    expect(c.truncated).toBe(true);
    expect(live.join("")).toBe("hello worl");
    expect(c.tail()).toMatch(/MemoryError$/);
  });

  it("never cuts a character in half", () => {
    const c = new Capture(7, () => {});
    c.push(Buffer.from("abcdeé€")); // é (2 bytes) ends at the limit; € is dropped whole
    expect(c.text()).toBe("abcdeé");
    const d = new Capture(6, () => {});
    d.push(Buffer.from("abcdeé"));
    expect(d.text()).toBe("abcde");
    expect(completeUtf8Length(Buffer.from("a€"))).toBe(4);
    expect(completeUtf8Length(Buffer.from("a€").subarray(0, 3))).toBe(1);
  });

  it("hands live text out whole across chunk boundaries", () => {
    const live: string[] = [];
    const c = new Capture(100, (t) => live.push(t));
    const bytes = Buffer.from("€");
    c.push(bytes.subarray(0, 1));
    c.push(bytes.subarray(1));
    expect(live.join("")).toBe("€");
  });
});

describe("workspace paths", () => {
  it("accepts relative paths inside the workspace, normalised", () => {
    expect(workspacePath("main.py", "entry")).toBe("main.py");
    expect(workspacePath("src/./util.py", "entry")).toBe("src/util.py");
    expect(workspacePath("a/../b.py", "entry")).toBe("b.py");
  });

  it.each(["", "/etc/passwd", "../x.py", "a/../../x", ".", "dir/", "a\\b.py", "x\u0000.py"])("refuses %j", (p) => {
    expect(() => workspacePath(p, "files[0].path")).toThrow(ValidationError);
  });
});
