// Issue 12, item 5: the path a fix takes. Diagnosed, it becomes a unified diff from the program
// that ran; applied, that diff turns the program into the fix; undone, the reversed diff turns
// the fixed file back into the program, byte for byte (line endings, a missing last newline and
// non-ASCII text included).
import { describe, expect, it } from "vitest";
import { diagnoseRun } from "../../lib/code/diagnose-run";
import { applyFixPatch, fixPatch, revertFixPatch } from "../../lib/code/patch";

const pythonNameError = (line: number, name: string) =>
  `Traceback (most recent call last):\n  File "/workspace/main.py", line ${line}, in <module>\nNameError: name '${name}' is not defined\n`;

describe("a fix as a patch: apply, then undo", () => {
  const cases: [string, string, string][] = [
    ["a file ending with a newline", "x = 2\nprint(math.sqrt(x))\n", pythonNameError(2, "math")],
    ["a file with no newline at its end", "x = 2\nprint(math.sqrt(x))", pythonNameError(2, "math")],
    ["a file with CRLF line endings", "x = 2\r\nprint(math.sqrt(x))\r\n", pythonNameError(2, "math")],
    ["a file with non-ASCII text and a docstring", '"""Ünïcödé — 数学"""\nprint("π ≈", math.pi)\n', pythonNameError(2, "math")],
    ["a one-line file", "print(math.pi)", pythonNameError(1, "math")],
  ];

  it.each(cases)("%s", (_name, source, stderr) => {
    const d = diagnoseRun({ language: "python", fileName: "main.py", source, stdout: "", stderr, exitCode: 1, status: "runtime_error" });
    expect(d?.fix?.kind).toBe("add_import");
    const patch = fixPatch("main.py", source, d!.fix!.source);
    expect(patch).toContain("+import math");
    const applied = applyFixPatch(source, patch);
    expect(applied).toBe(d!.fix!.source);
    expect(revertFixPatch(applied!, patch)).toBe(source);
  });

  it("a patch does not apply to another program, nor reverse onto a file that changed", () => {
    const patch = fixPatch("main.py", "a\nb\nc\n", "import os\na\nb\nc\n");
    expect(applyFixPatch("x\ny\nz\n", patch)).toBeNull();
    expect(revertFixPatch("something else entirely\n", patch)).toBeNull();
    expect(applyFixPatch("a\nb\nc\n", "not a patch")).toBeNull();
  });
});
