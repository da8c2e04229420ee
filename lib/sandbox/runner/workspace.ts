// Each run's directory: a fresh workspace holding only the user's files, owned by the slot's
// uid (mode 0700, so no other slot can look in), plus the few files the sandbox binds read-only
// (passwd and group naming the run's user, transpiled TypeScript). Deleted after the run.
// The worker reads the workspace after the program is gone: symlinks and anything but
// regular files are never followed or read (a program may leave a link to /etc/shadow).
import { constants } from "node:fs";
import { chmod, chown, lstat, mkdir, mkdtemp, open, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { invalid } from "../../errors";
import type { InputFile, WrittenFile } from "./types";

export type RunDir = { dir: string; workspace: string; etc: string; build: string };

/** The sandbox root (GRACE_SANDBOX_DIR): created if missing; refused if someone else could write in it. */
export async function ensureRoot(root: string): Promise<void> {
  await mkdir(root, { recursive: true, mode: 0o711 });
  const st = await lstat(root);
  const uid = process.getuid?.();
  if (!st.isDirectory() || (uid !== undefined && st.uid !== uid) || (st.mode & 0o022) !== 0) {
    throw new Error(`the sandbox directory ${root} (GRACE_SANDBOX_DIR) must be a directory owned by this process's user and writable by no one else`);
  }
  // Others (the slot uids) must pass through it to their workspaces, but not list it.
  if ((st.mode & 0o777) !== 0o711) await chmod(root, 0o711);
}

/** A normalised relative path inside the workspace, or a ValidationError naming `field`. */
export function workspacePath(p: string, field: string): string {
  if (!p || p.includes("\0") || p.startsWith("/") || p.includes("\\")) throw invalid(field, "must be a relative path inside the workspace");
  const normal = path.posix.normalize(p);
  if (normal === "." || normal === ".." || normal.startsWith("../") || normal.endsWith("/")) throw invalid(field, "must be a relative path to a file inside the workspace");
  return normal;
}

export async function createRunDir(o: { root: string; uid: number; gid: number; ownUser: boolean }): Promise<RunDir> {
  const dir = await mkdtemp(path.join(o.root, "run-"));
  await chmod(dir, 0o711);
  const workspace = path.join(dir, "work");
  const etc = path.join(dir, "etc");
  await mkdir(workspace, { mode: 0o700 });
  if (o.ownUser) await chown(workspace, o.uid, o.gid);
  await mkdir(etc, { mode: 0o755 });
  // The run's user by name (Node's os.userInfo(), `whoami`, Python's pwd need an entry).
  await writeFile(path.join(etc, "passwd"), `root:x:0:0:root:/:/usr/sbin/nologin\nsandbox:x:${o.uid}:${o.gid}:sandbox:/workspace:/bin/bash\nnobody:x:65534:65534:nobody:/:/usr/sbin/nologin\n`, { mode: 0o644 });
  await writeFile(path.join(etc, "group"), `root:x:0:\nsandbox:x:${o.gid}:\nnogroup:x:65534:\n`, { mode: 0o644 });
  return { dir, workspace, etc, build: path.join(dir, "build") };
}

/** Writes files under `base` (creating folders), owned by the run's uid when the worker is root. */
export async function writeFiles(o: { base: string; files: { path: string; content: Uint8Array }[]; uid: number; gid: number; ownUser: boolean; mode: number }) {
  for (const file of o.files) {
    const segments = file.path.split("/");
    let dir = o.base;
    for (const segment of segments.slice(0, -1)) {
      dir = path.join(dir, segment);
      try {
        await mkdir(dir, { mode: o.mode === 0o600 ? 0o700 : 0o755 });
        if (o.ownUser) await chown(dir, o.uid, o.gid);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
    }
    const target = path.join(o.base, file.path);
    await writeFile(target, file.content, { mode: o.mode, flag: "wx" });
    if (o.ownUser) await chown(target, o.uid, o.gid);
  }
}

export function toBytes(content: InputFile["content"]): Uint8Array {
  return typeof content === "string" ? Buffer.from(content, "utf8") : content;
}

type Entry = { path: string; size: number };

/** Regular files under `dir` (no symlinks followed), up to `maxEntries` entries looked at. */
async function walk(dir: string, maxEntries: number): Promise<{ files: Entry[]; entries: number; complete: boolean }> {
  const files: Entry[] = [];
  let entries = 0;
  const stack = [""];
  while (stack.length) {
    const rel = stack.pop()!;
    let names: string[];
    try {
      names = await readdir(path.join(dir, rel));
    } catch {
      continue; // removed meanwhile (the watcher runs while the program does)
    }
    for (const name of names) {
      if (++entries > maxEntries) return { files, entries, complete: false };
      const child = rel ? `${rel}/${name}` : name;
      try {
        const st = await lstat(path.join(dir, child));
        if (st.isDirectory()) stack.push(child);
        else if (st.isFile()) files.push({ path: child, size: st.size });
      } catch {
        // removed meanwhile
      }
    }
  }
  return { files, entries, complete: true };
}

/** Bytes in the workspace, or Infinity when it holds more than `maxEntries` files and folders. */
export async function workspaceUsage(dir: string, maxEntries: number): Promise<number> {
  const { files, complete } = await walk(dir, maxEntries);
  return complete ? files.reduce((sum, f) => sum + f.size, 0) : Infinity;
}

const MAX_LISTED = 500;
const MAX_WALKED = 20_000;
const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The files the run created or changed (an input file with the same bytes is not listed), by
 * path, at most 500. With `collect`, their contents too, within the per-file and total caps.
 */
export async function writtenFiles(o: {
  workspace: string;
  inputs: Map<string, Uint8Array>;
  collect: boolean;
  fileBytes: number;
  totalBytes: number;
}): Promise<{ files: WrittenFile[]; truncated: boolean }> {
  const { files, complete } = await walk(o.workspace, MAX_WALKED);
  const written: WrittenFile[] = [];
  let truncated = !complete;
  let budget = o.totalBytes;
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const file of files) {
    const input = o.inputs.get(file.path);
    let bytes: Buffer | undefined;
    if (input && input.length === file.size) {
      bytes = await readRegular(path.join(o.workspace, file.path));
      if (bytes.equals(input)) continue;
    }
    if (written.length >= MAX_LISTED) {
      truncated = true;
      break;
    }
    const entry: WrittenFile = { path: file.path, size: file.size };
    if (o.collect) {
      if (file.size > o.fileBytes || file.size > budget) entry.omitted = "too_large";
      else {
        bytes ??= await readRegular(path.join(o.workspace, file.path));
        budget -= bytes.length;
        try {
          entry.content = utf8.decode(bytes);
          entry.encoding = "utf8";
        } catch {
          entry.content = bytes.toString("base64");
          entry.encoding = "base64";
        }
      }
    }
    written.push(entry);
  }
  return { files: written, truncated };
}

// Never through a symlink, never a FIFO (opening one would block).
async function readRegular(file: string): Promise<Buffer> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    if (!(await handle.stat()).isFile()) throw new Error(`${file} is not a regular file`);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** Deletes the run's directory, whatever permissions the program left on its folders. */
export async function removeRunDir(dir: string): Promise<void> {
  try {
    await rm(dir, { recursive: true, force: true });
  } catch {
    // Not root: a folder the program made unreadable (chmod 000) must be opened up first.
    await openUp(dir);
    await rm(dir, { recursive: true, force: true });
  }
}

async function openUp(dir: string): Promise<void> {
  await chmod(dir, 0o700).catch(() => {});
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const child = path.join(dir, name);
    const st = await lstat(child).catch(() => null);
    if (st?.isDirectory()) await openUp(child);
  }
}
