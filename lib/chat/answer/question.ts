// What a question asks, read from its words in any supported language: the kind of answer it
// wants (a quantity, a date, a person, a place, a yes or no), its content words with the terms
// each may be indexed as, and its parts when it asks two things at once ("its flow rate and its
// boiling point"; "when was it founded and who designed it?"). Which words name the subject and
// which the attribute asked for depends on the source read, so that is decided in select.ts.
import { alternativesOf, detectLanguage, questionWords, type Lang, type Word } from "./terms";
import distance from "damerau-levenshtein";
import { withRelated } from "./related";
import { lightness, namesMeasure } from "./attributes";
import { isCalendarWord } from "./values";
import { CJK_TYPE_MARKERS, CONJUNCTIONS, MEASURE_NOUNS, MEASURE_WORDS, QUESTION_WORDS, TYPE_PHRASES, YES_NO_MARKERS, YES_NO_STARTS, type AnswerType } from "./question-words";

export type { AnswerType };

export type QueryWord = Word & {
  /** The terms this word may be indexed as (its stem in each language its script can be). */
  terms: string[];
  /** Written with a capital inside the question: most likely part of a name, so of the subject. */
  capitalized: boolean;
  /** Asked without ("a night without half board"): a sentence about it answers something else. */
  without?: string;
  /** Written in capitals ("RC", "HVRC"): may stand for the initials of a name ("Rowing Club"). */
  acronym: boolean;
  /** The noun a name is given to, before it in Spanish and French ("el bar La Trocha", "l'albergue de Valdecuervo"): part of the subject. */
  namesHead: boolean;
};
export type QuestionPart = {
  type: AnswerType;
  words: QueryWord[];
  start: number;
  end: number;
  /** The noun a "how many" counts ("how many cars"): the answer is a number of them. */
  counted?: QueryWord;
};
export type Question = { text: string; lang: Lang; type: AnswerType; words: QueryWord[]; parts: QuestionPart[] };

/** A capital first letter, after an elided article if any: "Arvelle", "d'Arvelle". */
const CAPITAL = /^(?:\p{L}{1,2}['’])?\p{Lu}/u;
/** Japanese words in hiragana alone are particles and endings ("には", "ありますか"), not what is asked about. */
const HIRAGANA_ONLY = /^\p{Script=Hiragana}+$/u;
/** Chinese and Japanese words that ask: 哪一 (which), 什么 (what), 何人 (how many people), … */
const CJK_ASKING = /^(?:何|哪|什么|谁|多少|几)/u;
/** Only the first few words may hold these: elsewhere "qui" and "من" are "which" and "from". */
const LEADING_ONLY = new Set(["qui", "من", "من هو", "من هي"]);

/** TYPE_PHRASES cut into words once. */
const PHRASE_WORDS = TYPE_PHRASES.map(([type, phrases]) => [type, phrases.map((p) => p.split(" "))] as const);

export function analyzeQuestion(text: string): Question {
  const lang = detectLanguage(text);
  const all = withAskingWordSpelt(questionWords(text), lang);
  const segments = splitAtConjunctions(all, text, lang);
  const parts = segments.map((seg) => {
    const segText = text.slice(seg[0]?.start ?? 0, seg.at(-1)?.end ?? 0);
    const { type, asking } = typeOf(seg, segText, lang);
    // "year" in "what year" asks; it is not a word the answer must hold.
    const words = markWithout(seg, contentWords(seg.filter((_, i) => !asking.has(i)), text, lang));
    return { type, words, start: seg[0]?.start ?? 0, end: seg.at(-1)?.end ?? 0, counted: countedNoun(seg, words) };
  });
  // "What is the length of …?" names no asking phrase but a measured quantity: it wants a number.
  for (const p of parts) if (p.type === "other" && p.words.some((w) => MEASURE_NOUNS.has(w.word))) p.type = "quantity";
  const whole = typeOf(all, text, lang).type;
  const type = whole === "other" ? (parts.find((p) => p.type !== "other")?.type ?? "other") : whole;
  // A part that names no kind of its own asks for the same kind as the question; a question of
  // one part is a yes/no question when the whole is ("Faut-il payer … ?" ends with its mark).
  for (const p of parts) if (p.type === "other") p.type = type === "yesno" && parts.length > 1 ? "other" : type;
  return { text, lang, type, words: parts.flatMap((p) => p.words), parts };
}

const WITHOUT = new Set(["without", "sin", "sans", "ohne", "без", "بدون", "دون"]);

/** The word right after "without"/"ohne"/"sin"…, marked with that word. */
function markWithout(seg: Word[], words: QueryWord[]): QueryWord[] {
  return words.map((w) => {
    const i = seg.findIndex((s) => s.start === w.start);
    const before = seg[i - 1]?.word;
    return before && WITHOUT.has(before) ? { ...w, without: before } : w;
  });
}

/** The phrases that count, each followed by the noun counted: "how many cars", "combien de visiteurs". */
const COUNTING = [["how", "many"], ["cuántos"], ["cuántas"], ["cuantos"], ["cuantas"], ["combien", "de"], ["combien", "d"], ["wie", "viele"], ["сколько"]];

/** The first content word after a counting phrase, when it comes right after it. */
function countedNoun(seg: Word[], words: QueryWord[]): QueryWord | undefined {
  for (const phrase of COUNTING) {
    const at = indexOfPhrase(seg.map((w) => w.word), phrase);
    if (at < 0) continue;
    const next = seg[at + phrase.length];
    // "сколько стоит" asks a price, "сколько длится" a duration: a measure, not a count.
    const word = next && words.find((w) => w.start === next.start);
    return word && !namesMeasure(word.word) && lightness(word.word) === 1 ? word : undefined;
  }
  return undefined;
}

/** English asking words long enough that one edit away is a typo ("wher", "whta"), not another word. */
const ASKING = ["what", "which", "whose", "when", "where"];

/**
 * The first word misspelt from an asking word ("wher was it built"), read as that word. Only
 * when it is no word of its own (a stop-word such as "there" or "then" is) and near just one.
 */
function withAskingWordSpelt(words: Word[], lang: Lang): Word[] {
  const first = words[0];
  if (!first || first.word.length < 4 || QUESTION_WORDS.has(first.word) || !alternativesOf(first.word, lang).length) return words;
  const near = ASKING.filter((w) => Math.abs(w.length - first.word.length) <= 1 && distance(w, first.word).steps === 1);
  // A dropped letter is the commonest slip: "wher" is "where" before it is "when".
  const dropped = near.filter((w) => w.length > first.word.length);
  const pick = dropped.length === 1 ? dropped : near;
  return pick.length === 1 ? [{ ...first, word: pick[0] }, ...words.slice(1)] : words;
}

/**
 * Segments of the question split at "and"/"и"/"和"…, only where both sides have content words
 * and the conjunction does not join two capitalised words: "the Heron and Oar" is one name.
 */
function splitAtConjunctions(words: Word[], text: string, lang: Lang): Word[][] {
  const segments: Word[][] = [[]];
  const isContent = (w: Word) => !QUESTION_WORDS.has(w.word) && alternativesOf(w.word, lang).length > 0;
  const capital = (w: Word | undefined) => !!w && CAPITAL.test(text.slice(w.start, w.end)) && !isFirstWord(text, w.start);
  for (const [i, w] of words.entries()) {
    const current = segments[segments.length - 1];
    const inName = lang !== "de" && capital(words[i - 1]) && capital(words[i + 1]);
    if (CONJUNCTIONS.has(w.word) && current.some(isContent) && !inName) segments.push([]);
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

function contentWords(seg: Word[], text: string, lang: Lang): QueryWord[] {
  const out: QueryWord[] = [];
  const seen = new Set<string>();
  for (const w of seg) {
    if (QUESTION_WORDS.has(w.word) || seen.has(w.word) || HIRAGANA_ONLY.test(w.word) || CJK_ASKING.test(w.word)) continue;
    const terms = MEASURE_WORDS[w.word] ? [...new Set(MEASURE_WORDS[w.word].flatMap((m) => alternativesOf(m, lang)))] : related(w.word, lang);
    if (!terms.length) continue;
    seen.add(w.word);
    out.push({ ...w, terms, capitalized: isName(w, text), acronym: ACRONYM.test(text.slice(w.start, w.end)), namesHead: HEAD_FIRST.includes(lang) && !isName(w, text) && headOfName(seg, seg.indexOf(w), text, lang) });
  }
  return out;
}

const ACRONYM = /^\p{Lu}{2,5}$/u;

/** Languages that put the noun before the name it is given: "el bar La Trocha", "le festival Les Ailes". */
const HEAD_FIRST: Lang[] = ["es", "fr"];

function isName(w: Word, text: string): boolean {
  return w.start > 0 && CAPITAL.test(text.slice(w.start, w.end)) && !isFirstWord(text, w.start) && !isCalendarWord(w.word);
}

/** Articles a noun follows (a verb does not: "cierra el Mercado de Sal"). */
const ARTICLES = new Set(["el", "la", "los", "las", "del", "al", "un", "una", "le", "les", "du", "des", "au", "aux", "une"]);

/** A noun (after an article) followed by a name, directly or across one article or preposition ("el albergue de Valdecuervo"). */
function headOfName(seg: Word[], i: number, text: string, lang: Lang): boolean {
  const next = seg[i + 1];
  if (!next) return false;
  if (!ARTICLES.has(seg[i - 1]?.word ?? "") && !/^[ld]['’]/u.test(seg[i].word)) return false;
  if (isName(next, text)) return true;
  const after = seg[i + 2];
  return !alternativesOf(next.word, lang).length && !!after && isName(after, text);
}

/** A word's terms and those of words that say the same (related.ts); none for a stop-word. */
function related(word: string, lang: Lang): string[] {
  const own = alternativesOf(word, lang);
  return own.length ? withRelated(word, own) : own;
}

/** The question's first word is capitalised by grammar, not because it is a name. */
function isFirstWord(text: string, start: number): boolean {
  for (let i = 0; i < start; i++) if (/[\p{L}\p{N}]/u.test(text[i])) return false;
  return true;
}

/** The kind of answer asked for, and the positions of the words that asked it. */
function typeOf(words: Word[], text: string, lang: Lang): { type: AnswerType; asking: Set<number> } {
  const seq = words.map((w) => w.word);
  // The first asking phrase decides: "who was the captain when she was wrecked" asks for a person.
  let best: { type: AnswerType; at: number; parts: string[] } | null = null;
  for (const [type, phrases] of PHRASE_WORDS) {
    for (const parts of phrases) {
      const at = indexOfPhrase(seq, parts);
      if (at < 0 || (LEADING_ONLY.has(parts.join(" ")) && at > 2)) continue;
      // At one place the longer phrase decides: "من أين" (from where) is not "من" (who).
      if (!best || at < best.at || (at === best.at && parts.length > best.parts.length)) best = { type, at, parts };
    }
  }
  if (best) {
    const { type, at, parts } = best;
    // "tall" in "how tall" names the measure wanted: a word the answer must hold, not only ask with.
    return { type, asking: new Set(parts.flatMap((p, i) => (p in MEASURE_WORDS ? [] : [at + i]))) };
  }
  const none = new Set<number>();
  if (lang === "zh" || lang === "ja") {
    const norm = text.normalize("NFKC");
    for (const [type, markers] of CJK_TYPE_MARKERS) if (markers.some((m) => norm.includes(m))) return { type, asking: none };
  }
  return { type: isYesNo(seq, text, lang) ? "yesno" : "other", asking: none };
}

function isYesNo(seq: string[], text: string, lang: Lang): boolean {
  // German "was" asks what ("Was zahlt man …?"); English "was" asks for a yes or a no.
  if (seq.length && YES_NO_STARTS.has(seq[0]) && !(lang === "de" && seq[0] === "was")) return true;
  if (seq.includes("ли") || YES_NO_MARKERS.some((m) => text.includes(m))) return true;
  const asks = /[?？؟]\s*$/.test(text);
  if (lang === "ja") return asks || /か[。\s]*$/.test(text);
  // Without a question word, a question in these languages asks for a yes or a no ("¿Tiene peaje?").
  // "por" asks only in "por qué": "¿Puedo ir por la vía verde?" asks for a yes or a no.
  return asks && lang !== "en" && lang !== "zh" && !seq.some((w, i) => QUESTION_WORDS.has(w) && (!YES_NO_STARTS.has(w) || (lang === "de" && w === "was")) && (w !== "por" || seq[i + 1] === "qué" || seq[i + 1] === "que"));
}

function indexOfPhrase(seq: string[], phrase: string[]): number {
  outer: for (let i = 0; i + phrase.length <= seq.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (seq[i + j] !== phrase[j]) continue outer;
    return i;
  }
  return -1;
}
