// Turns an uploaded file into the text that is indexed: text formats as they are (checked to be
// UTF-8), HTML reduced to its readable text, PDF text extracted with pdf.js (unpdf).
import { convert } from "html-to-text";
import { extractText as extractPdfText, getDocumentProxy } from "unpdf";
import { invalid, UnsupportedMediaTypeError } from "../errors";

const TEXT = { ".txt": "text/plain", ".md": "text/markdown", ".markdown": "text/markdown", ".csv": "text/csv", ".json": "application/json" } as const;
const CODE = [".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx", ".py", ".go", ".rs", ".java", ".kt", ".swift", ".c", ".h", ".cpp", ".hpp", ".cs", ".rb", ".php", ".sh", ".bash", ".sql", ".yaml", ".yml", ".toml", ".css", ".scss"];
const HTML = [".html", ".htm"];
export const SUPPORTED_EXTENSIONS = [...Object.keys(TEXT), ...HTML, ".pdf", ...CODE];

export type Extracted = { text: string; artifactType: "text" | "document" | "code"; mimeType: string };

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

/** The readable text of an HTML page: no markup, scripts, link targets or images. */
export function htmlToText(html: string): string {
  return convert(html, { wordwrap: false, selectors: [{ selector: "a", options: { ignoreHref: true } }, { selector: "img", format: "skip" }] });
}

/** A PDF's text via pdf.js; throws a plain Error naming the problem. */
export async function pdfToText(bytes: Uint8Array): Promise<string> {
  let text: string;
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    text = (await extractPdfText(pdf, { mergePages: true })).text;
  } catch {
    throw new Error("is not a readable PDF");
  }
  if (!text.trim()) throw new Error("has no extractable text (a scanned PDF needs OCR first)");
  return text;
}

export async function extractText(o: { filename: string; bytes: Uint8Array }): Promise<Extracted> {
  const ext = extensionOf(o.filename);
  if (ext in TEXT) {
    const text = utf8(o.bytes);
    if (ext === ".json") {
      try {
        JSON.parse(text);
      } catch {
        throw invalid("file", "is not valid JSON");
      }
    }
    return { text, artifactType: "text", mimeType: TEXT[ext as keyof typeof TEXT] };
  }
  if (HTML.includes(ext)) {
    const text = htmlToText(utf8(o.bytes));
    return { text, artifactType: "document", mimeType: "text/html" };
  }
  if (ext === ".pdf") {
    let text: string;
    try {
      text = await pdfToText(o.bytes);
    } catch (error) {
      throw invalid("file", (error as Error).message);
    }
    return { text, artifactType: "document", mimeType: "application/pdf" };
  }
  if (CODE.includes(ext)) return { text: utf8(o.bytes), artifactType: "code", mimeType: "text/plain" };
  throw new UnsupportedMediaTypeError(`"${o.filename}" is not a supported type. Supported: ${SUPPORTED_EXTENSIONS.join(" ")}`);
}
