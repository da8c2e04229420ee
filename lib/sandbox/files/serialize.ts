import { extensionOf, fileNameOf } from "./path";

/** One entry of GET /api/sandbox/files, in the earlier API's shape ({path, name, size, extension}) plus updated_at. */
export function serializeListedFile(f: { path: string; sizeBytes: number; updatedAt: Date }) {
  return { path: f.path, name: fileNameOf(f.path), size: f.sizeBytes, extension: extensionOf(f.path), updated_at: f.updatedAt.toISOString() };
}

/** GET /api/sandbox/file: the earlier API's {file_path, content} plus size and updated_at. */
export function serializeReadFile(f: { path: string; content: string; sizeBytes: number; updatedAt: Date }) {
  return { file_path: f.path, content: f.content, size: f.sizeBytes, updated_at: f.updatedAt.toISOString() };
}
