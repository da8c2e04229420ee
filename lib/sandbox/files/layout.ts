// Files are rows, but the runner writes them into a real directory tree, where "a.py" cannot
// be both a file and the folder of "a.py/b.py". Pure, over the owner's other paths (at most
// MAX_FILES_PER_USER): compared here rather than with LIKE, which SQLite treats case-blind
// and PostgreSQL collations may order around "/".

/** Why a file at `path` cannot sit beside the files at `others`, or null. */
export function layoutClash(path: string, others: readonly string[]): string | null {
  const taken = new Set(others);
  if (taken.has(path)) return `"${path}" already exists`;
  for (let slash = path.indexOf("/"); slash !== -1; slash = path.indexOf("/", slash + 1)) {
    const folder = path.slice(0, slash);
    if (taken.has(folder)) return `"${folder}" is a file, so it cannot be the folder of "${path}"`;
  }
  const inside = others.find((p) => p.startsWith(`${path}/`));
  return inside === undefined ? null : `"${path}" is a folder (it holds "${inside}"), so it cannot be a file`;
}

/** The files a path names: the file itself, or else every file in the folder of that name. */
export function filesAt<F extends { path: string }>(files: readonly F[], path: string): { files: F[]; folder: boolean } {
  const file = files.find((f) => f.path === path);
  if (file) return { files: [file], folder: false };
  return { files: files.filter((f) => f.path.startsWith(`${path}/`)), folder: true };
}

/** Path order by UTF-16 code units: the same on every database, unlike their collations. */
export function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
