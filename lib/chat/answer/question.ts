// What a question asks, read from its words in any supported language: the kind of answer it
// wants (a quantity, a date, a person, a place, a yes or no), its content words with the terms
// each may be indexed as, and its parts when it asks two things at once ("its flow rate and its
// boiling point"; "when was it founded and who designed it?"). Which words name the subject and
// which the attribute asked for depends on the source read, so that is decided in select.ts.
import { alternativesOf, detectLanguage, questionWords, type Lang, type Word } from "./terms";
import { CJK_TYPE_MARKERS, CONJUNCTIONS, MEASURE_WORDS, QUESTION_WORDS, TYPE_PHRASES, YES_NO_MARKERS, YES_NO_STARTS, type AnswerType } from "./question-words";

export type { AnswerType };

export type QueryWord = Word & {
  /** The terms this word may be indexed as (its stem in each language its script can be). */
  terms: string[];
  /** Written with a capital inside the question: most likely part of a name, so of the subject. */
  capitalized: boolean;
};
export type QuestionPart = { type: AnswerType; words: QueryWord[]; start: number; end: number };
export type Question = { text: string; lang: Lang; type: AnswerType; words: QueryWord[]; parts: QuestionPart[] };

/** A capital first letter, after an elided article if any: "Arvelle", "d'Arvelle". */
const CAPITAL = /^(?:\p{L}{1,2}['’])?\p{Lu}/u;
/** Japanese words in hiragana alone are particles and endings ("には", "ありますか"), not what is asked about. */
const HIRAGANA_ONLY = /^\p{Script=Hiragana}+$/u;
/** Chinese and Japanese words that ask: 哪一 (which), 什么 (what), 何人 (how many people), … */
const CJK_ASKING = /^(?:何|哪|什么|谁|多少|几)/u;
/** Only the first few words may hold these: elsewhere "qui" and "من" are "which" and "from". */
const LEADING_ONLY = new Set(["qui", "من", "من هو", "من هي"]);

export function analyzeQuestion(text: string): Question {
  const lang = detectLanguage(text);
  const all = questionWords(text);
  const segments = splitAtConjunctions(all);
  const parts = segments.map((seg) => {
    const segText = text.slice(seg[0]?.start ?? 0, seg.at(-1)?.end ?? 0);
    const { type, asking } = typeOf(seg, segText, lang);
    // "year" in "what year" asks; it is not a word the answer must hold.
    return { type, words: contentWords(seg.filter((_, i) => !asking.has(i)), text), start: seg[0]?.start ?? 0, end: seg.at(-1)?.end ?? 0 };
  });
  const whole = typeOf(all, text, lang).type;
  const type = whole === "other" ? (parts.find((p) => p.type !== "other")?.type ?? "other") : whole;
  // A part that names no kind of its own asks for the same kind as the question.
  for (const p of parts) if (p.type === "other") p.type = type === "yesno" ? "other" : type;
  return { text, lang, type, words: parts.flatMap((p) => p.words), parts };
}

/** Segments of the question split at "and"/"и"/"和"…, only where both sides have content words. */
function splitAtConjunctions(words: Word[]): Word[][] {
  const segments: Word[][] = [[]];
  for (const w of words) {
    const current = segments[segments.length - 1];
    if (CONJUNCTIONS.has(w.word) && current.some(isContent)) segments.push([]);
    else current.push(w);
  }
  // A conjunction inside a name or a list of subjects leaves a side with nothing to ask: join it back.
  const out: Word[][] = [];
  for (const seg of segments) {
    if (out.length && !seg.some(isContent)) out[out.length - 1].push(...seg);
    else out.push(seg);
  }
  return out;
}

function isContent(w: Word): boolean {
  return !QUESTION_WORDS.has(w.word) && alternativesOf(w.word).length > 0;
}

function contentWords(seg: Word[], text: string): QueryWord[] {
  const out: QueryWord[] = [];
  const seen = new Set<string>();
  for (const w of seg) {
    if (QUESTION_WORDS.has(w.word) || seen.has(w.word) || HIRAGANA_ONLY.test(w.word) || CJK_ASKING.test(w.word)) continue;
    const terms = MEASURE_WORDS[w.word] ? [...new Set(MEASURE_WORDS[w.word].flatMap((m) => alternativesOf(m)))] : alternativesOf(w.word);
    if (!terms.length) continue;
    seen.add(w.word);
    out.push({ ...w, terms, capitalized: w.start > 0 && CAPITAL.test(text.slice(w.start, w.end)) && !isFirstWord(text, w.start) });
  }
  return out;
}

/** The question's first word is capitalised by grammar, not because it is a name. */
function isFirstWord(text: string, start: number): boolean {
  for (let i = 0; i < start; i++) if (/[\p{L}\p{N}]/u.test(text[i])) return false;
  return true;
}

/** The kind of answer asked for, and the positions of the words that asked it. */
function typeOf(words: Word[], text: string, lang: Lang): { type: AnswerType; asking: Set<number> } {
  const seq = words.map((w) => w.word);
  for (const [type, phrases] of TYPE_PHRASES) {
    for (const phrase of phrases) {
      const parts = phrase.split(" ");
      const at = indexOfPhrase(seq, parts);
      // "tall" in "how tall" names the measure wanted: a word the answer must hold, not only ask with.
      if (at >= 0 && (!LEADING_ONLY.has(phrase) || at <= 2)) return { type, asking: new Set(parts.flatMap((p, i) => (p in MEASURE_WORDS ? [] : [at + i]))) };
    }
  }
  const none = new Set<number>();
  if (lang === "zh" || lang === "ja") {
    const norm = text.normalize("NFKC");
    for (const [type, markers] of CJK_TYPE_MARKERS) if (markers.some((m) => norm.includes(m))) return { type, asking: none };
  }
  return { type: isYesNo(seq, text, lang) ? "yesno" : "other", asking: none };
}

function isYesNo(seq: string[], text: string, lang: Lang): boolean {
  if (seq.length && YES_NO_STARTS.has(seq[0])) return true;
  if (seq.includes("ли") || YES_NO_MARKERS.some((m) => text.includes(m))) return true;
  const asks = /[?？؟]\s*$/.test(text);
  if (lang === "ja") return asks || /か[。\s]*$/.test(text);
  // Without a question word, a question in these languages asks for a yes or a no ("¿Tiene peaje?").
  return asks && lang !== "en" && lang !== "zh" && !seq.some((w) => QUESTION_WORDS.has(w) && !YES_NO_STARTS.has(w));
}

function indexOfPhrase(seq: string[], phrase: string[]): number {
  outer: for (let i = 0; i + phrase.length <= seq.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (seq[i + j] !== phrase[j]) continue outer;
    return i;
  }
  return -1;
}
