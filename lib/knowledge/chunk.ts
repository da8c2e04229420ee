// Splits content into passages for the index: paragraphs, and long paragraphs at sentence
// ends, each at most ~800 characters, so a hit points at a passage, not a whole document.
const MAX = 800;

export function splitSentences(text: string): string[] {
  return text.match(/[^.!?\n]+(?:[.!?]+(?=\s|$)|\n|$)/g)?.map((s) => s.trim()).filter(Boolean) ?? [];
}

export function chunkText(content: string): string[] {
  const chunks: string[] = [];
  for (const paragraph of content.split(/\n{2,}/)) {
    const p = paragraph.trim();
    if (!p) continue;
    if (p.length <= MAX) {
      chunks.push(p);
      continue;
    }
    let current = "";
    for (const sentence of splitSentences(p)) {
      for (let i = 0; i < sentence.length; i += MAX) {
        const piece = sentence.slice(i, i + MAX);
        if (current && current.length + piece.length + 1 > MAX) {
          chunks.push(current);
          current = "";
        }
        current = current ? `${current} ${piece}` : piece;
      }
    }
    if (current) chunks.push(current);
  }
  return chunks;
}
