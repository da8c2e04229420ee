// Issue 12, item 3: which paths a sandbox file may have. One row per case: the path, and the
// rule it breaks (null: accepted).
import { describe, expect, it } from "vitest";
import { checkSandboxPath, extensionOf, fileNameOf, type PathRule } from "../../lib/sandbox/files/path";
import { checkSandboxContent } from "../../lib/sandbox/files/content";
import { layoutClash } from "../../lib/sandbox/files/layout";
import { decodePathCursor, encodePathCursor } from "../../lib/sandbox/files/schemas";
import { ALLOWED_EXTENSIONS, MAX_FILE_BYTES, MAX_PATH_BYTES, MAX_PATH_DEPTH } from "../../lib/sandbox/files/limits";

const deep = (levels: number) => `${Array.from({ length: levels - 1 }, (_, i) => `d${i}`).join("/")}/main.py`;
const long = (bytes: number) => `${"a".repeat(bytes - 3)}.py`;

const FILES: [string, PathRule | null][] = [
  // accepted
  ["main.py", null],
  ["src/app.ts", null],
  ["a/b/c/notes.md", null],
  ["data.csv", null],
  ["script.sh", null],
  ["page.html", null],
  ["style.css", null],
  ["config.json", null],
  ["README.txt", null],
  ["index.js", null],
  ["Main.PY", null], // extensions compare case-blind
  [".vscode/settings.json", null], // hidden names are fine
  ["tests/x.test.ts", null],
  ["my notes/todo list.md", null], // spaces inside names
  ["données/café.py", null], // composed (NFC) accents
  ["日本語/メモ.txt", null],
  ["a...b.py", null],
  ["under_score-dash.py", null],
  [deep(MAX_PATH_DEPTH), null],
  [long(MAX_PATH_BYTES), null],
  // required
  ["", "required"],
  // control and invisible characters
  ["a\u0000b.py", "no_control_characters"],
  ["a\nb.py", "no_control_characters"],
  ["a\tb.py", "no_control_characters"],
  ["bell\u0007.py", "no_control_characters"],
  ["del\u007f.py", "no_control_characters"],
  ["c1\u0085.py", "no_control_characters"],
  ["evil\u202Eyp.exe", "no_control_characters"], // right-to-left override
  ["zero\u200Bwidth.py", "no_control_characters"],
  ["line\u2028sep.py", "no_control_characters"],
  ["half\ud800.py", "no_control_characters"], // unpaired surrogate
  // backslashes
  ["a\\b.py", "no_backslashes"],
  ["..\\..\\etc\\passwd.txt", "no_backslashes"],
  // absolute
  ["/etc/passwd.txt", "relative"],
  ["/main.py", "relative"],
  ["//server/share.py", "relative"],
  ["C:/Windows/x.py", "relative"],
  ["c:x.py", "relative"],
  // parent segments
  ["..", "no_parent_segments"],
  ["../main.py", "no_parent_segments"],
  ["a/../../main.py", "no_parent_segments"],
  ["a/..", "no_parent_segments"],
  ["a/b/../c.py", "no_parent_segments"],
  // not normalised
  ["./main.py", "normalised"],
  ["a/./b.py", "normalised"],
  [".", "normalised"],
  ["a//b.py", "normalised"],
  ["a/b.py/", "normalised"],
  ["src/", "normalised"],
  // names of dots
  [".../x.py", "no_dot_names"],
  ["a/..../b.py", "no_dot_names"],
  // Unicode form
  ["cafe\u0301.py", "unicode_nfc"], // e + combining acute (NFD)
  // length and depth
  [long(MAX_PATH_BYTES + 1), "max_length"],
  [`${"é".repeat(127)}.py`, "max_length"], // 257 bytes in 130 characters
  [deep(MAX_PATH_DEPTH + 1), "max_depth"],
  // spaces at the ends of names
  [" main.py", "no_edge_spaces"],
  ["main.py ", "no_edge_spaces"],
  ["src /main.py", "no_edge_spaces"],
  ["\u00a0x.py", "no_edge_spaces"],
  ["   ", "no_edge_spaces"],
  // leading dash
  ["-rf.py", "no_leading_dash"],
  ["a/--help.py", "no_leading_dash"],
  ["-c/x.py", "no_leading_dash"],
  // extensions
  ["virus.exe", "allowed_extension"],
  ["Makefile", "allowed_extension"],
  [".bashrc", "allowed_extension"],
  [".py", "allowed_extension"],
  ["archive.tar.gz", "allowed_extension"],
  ["trailing.", "allowed_extension"],
  ["lib.so", "allowed_extension"],
  ["main.py.exe", "allowed_extension"],
  ["src", "allowed_extension"],
];

describe("sandbox file paths", () => {
  it.each(FILES)("%j → %s", (path, rule) => {
    expect(checkSandboxPath(path)?.rule ?? null).toBe(rule);
  });

  it("folders follow the same rules but the extension", () => {
    expect(checkSandboxPath("src", { folder: true })).toBeNull();
    expect(checkSandboxPath("a/b/c", { folder: true })).toBeNull();
    expect(checkSandboxPath("../src", { folder: true })?.rule).toBe("no_parent_segments");
    expect(checkSandboxPath("src/", { folder: true })?.rule).toBe("normalised");
    expect(checkSandboxPath("/src", { folder: true })?.rule).toBe("relative");
  });

  it("says what was wrong in the words of the earlier API where it had them", () => {
    expect(checkSandboxPath("../x.py")?.message).toMatch(/^Path escape attempt detected/);
    expect(checkSandboxPath("/x.py")?.message).toMatch(/^Path escape attempt detected/);
    expect(checkSandboxPath("virus.exe")?.message).toMatch(/^File type not allowed: \.exe \(allowed: \.py /);
    expect(checkSandboxPath("Makefile")?.message).toMatch(/^File type not allowed: no extension/);
    expect(checkSandboxPath(long(300))?.message).toBe(`is 300 bytes long (UTF-8): at most ${MAX_PATH_BYTES} are allowed`);
    expect(checkSandboxPath("a\u0007.py")?.message).toContain("U+0007");
  });

  it("allows what the IDE's languages need", () => {
    for (const ext of [".py", ".js", ".ts", ".sh", ".txt", ".md", ".json", ".html", ".css", ".csv"]) expect(ALLOWED_EXTENSIONS).toContain(ext);
  });

  it("names a path's file and extension", () => {
    expect(fileNameOf("src/lib/main.py")).toBe("main.py");
    expect(fileNameOf("main.py")).toBe("main.py");
    expect(extensionOf("src/main.PY")).toBe(".PY");
    expect(extensionOf("x.test.ts")).toBe(".ts");
    expect(extensionOf(".bashrc")).toBe("");
    expect(extensionOf("a.b/Makefile")).toBe("");
  });

  it("limits content to 1 MB of UTF-8 and to characters the databases keep", () => {
    expect(checkSandboxContent("")).toBeNull();
    expect(checkSandboxContent("x".repeat(MAX_FILE_BYTES))).toBeNull();
    expect(checkSandboxContent("x".repeat(MAX_FILE_BYTES + 1))).toBe(`Content too large (max ${MAX_FILE_BYTES} bytes): it is ${MAX_FILE_BYTES + 1} bytes (UTF-8)`);
    // Counted in bytes, not characters: 2 bytes each.
    expect(checkSandboxContent("é".repeat(MAX_FILE_BYTES / 2))).toBeNull();
    expect(checkSandboxContent("é".repeat(MAX_FILE_BYTES / 2) + "x")).toMatch(/^Content too large/);
    expect(checkSandboxContent("print(1)\n\tx = 2\r\n")).toBeNull();
    expect(checkSandboxContent("a\u0000b")).toContain("NUL");
  });

  it("keeps files and folders apart, as on a disk", () => {
    expect(layoutClash("a/b.py", ["a/c.py", "b.py"])).toBeNull();
    expect(layoutClash("a/b.py", ["a/b.py"])).toBe('"a/b.py" already exists');
    expect(layoutClash("x.py/y.py", ["x.py"])).toMatch(/"x\.py" is a file/);
    expect(layoutClash("a/x.py/y/z.py", ["a/x.py"])).toMatch(/"a\/x\.py" is a file/);
    expect(layoutClash("x.py", ["x.py/y.py"])).toMatch(/"x\.py" is a folder/);
    expect(layoutClash("x.py", ["x.pyc/y.py", "x.py.md"])).toBeNull(); // a prefix of a name is not a folder
  });

  it("round-trips list cursors and refuses others", () => {
    for (const p of ["a.py", "données/ü.py", "x/y/z.ts"]) expect(decodePathCursor(encodePathCursor(p))).toBe(p);
    expect(decodePathCursor("bm9wZQ")).toBeNull();
    expect(decodePathCursor("")).toBeNull();
  });
});
