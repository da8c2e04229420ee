// Which paths a sandbox file may have. Pure: the same answer for the API's validation, the
// lib verbs (which check again for callers that skip the API) and the runner that writes the
// files into a workspace on disk. A path is refused, never repaired, so that what a person
// typed is what is stored; each refusal names the rule it broke.
import { invalid } from "../../errors";
import { ALLOWED_EXTENSIONS, MAX_PATH_BYTES, MAX_PATH_DEPTH } from "./limits";

export type PathRule =
  | "required"
  | "no_control_characters"
  | "no_backslashes"
  | "relative"
  | "no_parent_segments"
  | "normalised"
  | "no_dot_names"
  | "unicode_nfc"
  | "max_length"
  | "max_depth"
  | "no_edge_spaces"
  | "no_leading_dash"
  | "allowed_extension";

export type PathProblem = { rule: PathRule; message: string };

// C0/C1 controls, format characters (bidi overrides that disguise "exe.py" as "yp.exe", zero
// widths), line and paragraph separators and unpaired surrogates.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;
const DRIVE = /^[A-Za-z]:/;
const DOTS_ONLY = /^\.+$/;

/**
 * The first rule `path` breaks, or null when it is a valid path for a file (or, with
 * `folder`, for a folder: the same rules but the extension).
 */
export function checkSandboxPath(path: string, o: { folder?: boolean } = {}): PathProblem | null {
  if (path.length === 0) return { rule: "required", message: "is required" };
  const hidden = INVISIBLE.exec(path);
  if (hidden) return { rule: "no_control_characters", message: `must not contain control or invisible characters (found ${codePoint(hidden[0])})` };
  if (path.includes("\\")) return { rule: "no_backslashes", message: 'must separate folders with "/": backslashes are not allowed' };
  if (path.startsWith("/") || DRIVE.test(path)) {
    return { rule: "relative", message: 'Path escape attempt detected: the path must be relative to the workspace (no leading "/" or drive letter)' };
  }
  const names = path.split("/");
  if (names.includes("..")) return { rule: "no_parent_segments", message: 'Path escape attempt detected: ".." is not allowed in a path' };
  if (names.includes(".")) return { rule: "normalised", message: 'must be normalised: no "." folders ("./")' };
  if (names[names.length - 1] === "") return { rule: "normalised", message: 'must be normalised: no trailing "/"' };
  if (names.includes("")) return { rule: "normalised", message: 'must be normalised: no empty folder names ("//")' };
  if (names.some((n) => DOTS_ONLY.test(n))) return { rule: "no_dot_names", message: 'must not have a name made only of dots ("...")' };
  if (path.normalize("NFC") !== path) return { rule: "unicode_nfc", message: "must be in Unicode normalisation form C (accents composed with their letters)" };
  const bytes = Buffer.byteLength(path, "utf8");
  if (bytes > MAX_PATH_BYTES) return { rule: "max_length", message: `is ${bytes} bytes long (UTF-8): at most ${MAX_PATH_BYTES} are allowed` };
  if (names.length > MAX_PATH_DEPTH) return { rule: "max_depth", message: `is ${names.length} levels deep: at most ${MAX_PATH_DEPTH} (folders and the file) are allowed` };
  if (names.some((n) => n.trim() !== n)) return { rule: "no_edge_spaces", message: "must not have a folder or file name that begins or ends with a space" };
  if (names.some((n) => n.startsWith("-"))) return { rule: "no_leading_dash", message: 'must not have a folder or file name that begins with "-" (a program would read it as an option)' };
  if (!o.folder) {
    const extension = extensionOf(path);
    if (!ALLOWED_EXTENSIONS.includes(extension.toLowerCase())) {
      return { rule: "allowed_extension", message: `File type not allowed: ${extension || "no extension"} (allowed: ${ALLOWED_EXTENSIONS.join(" ")})` };
    }
  }
  return null;
}

/** The path, or a ValidationError on `field` naming the rule it breaks. */
export function assertSandboxPath(path: string, field: string, o: { folder?: boolean } = {}): string {
  const problem = checkSandboxPath(path, o);
  if (problem) throw invalid(field, problem.message);
  return path;
}

/** The last name of a path: "src/main.py" → "main.py". */
export function fileNameOf(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** The extension as written, dot included ("main.PY" → ".PY"); "" when the name has none (".bashrc", "Makefile"). */
export function extensionOf(path: string): string {
  const name = fileNameOf(path);
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot) : "";
}

function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}
