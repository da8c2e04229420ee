// Turns an uploaded file into the text that is indexed: text formats as they are (checked to be
// UTF-8); HTML reduced to its readable text, JSON checked, PDF text extracted — those three in
// a child process under OS limits (lib/parse), since a small file can be built to take
// gigabytes or minutes to parse.
import { isUtf8 } from "node:buffer";
import { invalid, UnsupportedMediaTypeError } from "../errors";
import { parseUntrusted } from "../parse/parse-untrusted";
import { ParseRefusedError, type ParseKind } from "../parse/protocol";
import { cleanTitle, markdownTitle } from "../parse/title";

const TEXT = { ".txt": "text/plain", ".md": "text/markdown", ".markdown": "text/markdown", ".csv": "text/csv" } as const;
const CODE = [".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx", ".py", ".go", ".rs", ".java", ".kt", ".swift", ".c", ".h", ".cpp", ".hpp", ".cs", ".rb", ".php", ".sh", ".bash", ".sql", ".yaml", ".yml", ".toml", ".css", ".scss"];
const PARSED: Record<string, { kind: ParseKind; artifactType: Extracted["artifactType"]; mimeType: string }> = {
  ".json": { kind: "json", artifactType: "text", mimeType: "application/json" },
  ".html": { kind: "html", artifactType: "document", mimeType: "text/html" },
  ".htm": { kind: "html", artifactType: "document", mimeType: "text/html" },
  ".pdf": { kind: "pdf", artifactType: "document", mimeType: "application/pdf" },
};
export const SUPPORTED_EXTENSIONS = [".txt", ".md", ".markdown", ".csv", ".json", ".html", ".htm", ".pdf", ...CODE];

/** `title`: the document's own (a Markdown file's first heading, a PDF's or web page's title), when it has one. */
export type Extracted = { text: string; artifactType: "text" | "document" | "code"; mimeType: string; title?: string };

function extensionOf(filename: string): string {
  const lower = filename.toLowerCase();
  const dot = lower.lastIndexOf(".");
  return dot >= 0 ? lower.slice(dot) : "";
}

function utf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalid("file", "is not valid UTF-8 text");
  }
}

/** The text of an uploaded file; a file that cannot be read, or goes over a parse limit, is a 422 on `file`. */
export async function extractText(o: { filename: string; bytes: Uint8Array }): Promise<Extracted> {
  const ext = extensionOf(o.filename);
  if (ext in TEXT) {
    const text = utf8(o.bytes);
    const mimeType = TEXT[ext as keyof typeof TEXT];
    const title = mimeType === "text/markdown" ? markdownTitle(text) : undefined;
    return { text, artifactType: "text", mimeType, ...(title ? { title } : {}) };
  }
  if (CODE.includes(ext)) return { text: utf8(o.bytes), artifactType: "code", mimeType: "text/plain" };
  const parsed = PARSED[ext];
  if (!parsed) throw new UnsupportedMediaTypeError(`"${o.filename}" is not a supported type. Supported: ${SUPPORTED_EXTENSIONS.join(" ")}`);
  // The child reads text formats as UTF-8; checked here without decoding.
  if (parsed.kind !== "pdf" && !isUtf8(o.bytes)) throw invalid("file", "is not valid UTF-8 text");
  try {
    const { text, title: raw } = await parseUntrusted({ kind: parsed.kind, bytes: o.bytes });
    const title = cleanTitle(raw);
    return { text, artifactType: parsed.artifactType, mimeType: parsed.mimeType, ...(title ? { title } : {}) };
  } catch (error) {
    if (error instanceof ParseRefusedError) throw invalid("file", error.message);
    throw error;
  }
}
