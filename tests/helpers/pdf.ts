import { createDeflate } from "node:zlib";

// Minimal, valid one-page PDFs for ingestion tests.
const encoder = new TextEncoder();

const escape = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);

/** A PDF with the given text (Helvetica): one line, or one line per string (small type); `title`: its Info dictionary's Title. */
export function makePdf(text: string | string[], o: { title?: string } = {}): Uint8Array<ArrayBuffer> {
  const stream = Array.isArray(text)
    ? `BT /F1 9 Tf 11 TL 36 760 Td ${text.map((line) => `(${escape(line)}) Tj T*`).join(" ")} ET`
    : `BT /F1 18 Tf 72 700 Td (${escape(text)}) Tj ET`;
  return assemble(`<< /Length ${stream.length} >>`, encoder.encode(stream), o.title);
}

/**
 * A PDF whose page content stream is `megabytes` MB of spaces, Flate-compressed to about a
 * thousandth of that: a decompression bomb (400 MB inflate from ~400 KB). Built by streaming,
 * so the test process never holds the inflated bytes.
 */
export async function makeInflatingPdf(megabytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const deflate = createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => parts.push(chunk));
  const ended = new Promise((resolve, reject) => deflate.on("end", resolve).on("error", reject));
  const megabyte = Buffer.alloc(1024 * 1024, 0x20);
  for (let i = 0; i < megabytes; i++) {
    if (!deflate.write(megabyte)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await ended;
  const compressed = Buffer.concat(parts);
  return assemble(`<< /Length ${compressed.length} /Filter /FlateDecode >>`, compressed);
}

/** Catalog, pages, one page whose content stream is `stream`, a font; with a correct xref. */
function assemble(streamDictionary: string, stream: Uint8Array, title?: string): Uint8Array<ArrayBuffer> {
  const objects: Uint8Array[] = [
    encoder.encode("<< /Type /Catalog /Pages 2 0 R >>"),
    encoder.encode("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
    encoder.encode("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"),
    concat([encoder.encode(`${streamDictionary}\nstream\n`), stream, encoder.encode("\nendstream")]),
    encoder.encode("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
    ...(title === undefined ? [] : [encoder.encode(`<< /Title (${escape(title)}) >>`)]),
  ];
  const parts: Uint8Array[] = [encoder.encode("%PDF-1.4\n")];
  let length = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const object = concat([encoder.encode(`${i + 1} 0 obj\n`), body, encoder.encode("\nendobj\n")]);
    parts.push(object);
    length += object.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  parts.push(encoder.encode(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${title === undefined ? "" : " /Info 6 0 R"} >>\nstartxref\n${length}\n%%EOF\n`));
  return concat(parts);
}

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
