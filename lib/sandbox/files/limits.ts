// The limits of a person's sandbox workspace. Constants for now; each is named in the messages
// that refuse a request, so a client can tell which one it hit.

/** Largest file, in UTF-8 bytes (the earlier API's "max 1048576 bytes"). */
export const MAX_FILE_BYTES = 1_048_576;

/** Files one person may keep. Also bounds every per-user query below to this many rows. */
export const MAX_FILES_PER_USER = 200;

/** Longest path, in UTF-8 bytes: a file name on Linux (NAME_MAX) may not be longer either. */
export const MAX_PATH_BYTES = 255;

/** Most names in a path, the file's own included ("a/b/c.py" is 3). */
export const MAX_PATH_DEPTH = 8;

/**
 * The extensions a file may have, lowercase: the IDE's languages (Python, JavaScript,
 * TypeScript, Bash) and the text and data files programs read and write.
 */
export const ALLOWED_EXTENSIONS: readonly string[] = [
  ".py",
  ".js",
  ".mjs",
  ".cjs",
  ".jsx",
  ".ts",
  ".mts",
  ".cts",
  ".tsx",
  ".sh",
  ".bash",
  ".txt",
  ".md",
  ".json",
  ".html",
  ".htm",
  ".css",
  ".csv",
  ".tsv",
  ".xml",
  ".yaml",
  ".yml",
  ".toml",
  ".ini",
  ".cfg",
  ".sql",
];
