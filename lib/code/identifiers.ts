// The identifiers of a code view (lex.ts), each with where it is and whether it is an
// attribute (`obj.name`): attributes are not names in scope.

export type Identifier = { name: string; offset: number; attribute: boolean };

const START = /[A-Za-z_$\u00C0-\uFFFF]/;
const PART = /[\w$\u00C0-\uFFFF]/;

export function identifiers(code: string): Identifier[] {
  const out: Identifier[] = [];
  let i = 0;
  while (i < code.length) {
    const c = code[i];
    if (/\d/.test(c)) {
      // A number (with its suffixes, 1e5, 0x1f): not an identifier.
      while (i < code.length && PART.test(code[i])) i++;
      continue;
    }
    if (!START.test(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < code.length && PART.test(code[j])) j++;
    let k = i - 1;
    while (k >= 0 && (code[k] === " " || code[k] === "\t")) k--;
    out.push({ name: code.slice(i, j), offset: i, attribute: k >= 0 && code[k] === "." && code[k - 1] !== "." });
    i = j;
  }
  return out;
}

/** Names used in scope (not attributes), keywords left out. */
export function namesInScope(code: string, keywords: Set<string>): Set<string> {
  const names = new Set<string>();
  for (const id of identifiers(code)) if (!id.attribute && !keywords.has(id.name)) names.add(id.name);
  return names;
}
