// The sentences a passage offers as evidence: Markdown headings are context, not sentences
// (a heading says what the lines under it are about), list markers are not part of a sentence,
// and every sentence knows its terms and its context (the source's title and section heading).
import type { SearchHit } from "../../knowledge/search";
import { splitSentences } from "../../text/sentences";
import { detectLanguage, termSet, type Lang } from "./terms";

export type Evidence = {
  hit: SearchHit;
  /** The passage's place in the retrieved list, 0 for the best. */
  rank: number;
  text: string;
  terms: Set<string>;
  /** Terms of the source's title and of the heading the sentence is under. */
  context: Set<string>;
  lang: Lang;
};

const HEADING = /^\s{0,3}#{1,6}\s+/;
const LIST_MARKER = /^\s*(?:[-*+•·]|\p{N}{1,3}[.)])\s+/u;

export function evidenceFrom(hits: SearchHit[]): Evidence[] {
  const out: Evidence[] = [];
  hits.forEach((hit, rank) => {
    const lang = detectLanguage(`${hit.title}\n${hit.content}`);
    const title = termSet(hit.title, lang);
    let context = title;
    for (const line of hit.content.split("\n")) {
      const heading = HEADING.exec(line);
      if (heading) {
        context = new Set([...title, ...termSet(line.slice(heading[0].length), lang)]);
        continue;
      }
      for (const sentence of splitSentences(line.replace(LIST_MARKER, ""))) {
        const text = sentence.trim();
        if (/[\p{L}\p{N}]/u.test(text)) out.push({ hit, rank, text, terms: termSet(text, lang), context, lang });
      }
    }
  });
  return out;
}
