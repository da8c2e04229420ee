// Stems from @orama/stemmers (Apache-2.0, the Orama search project): the Snowball
// algorithms compiled to JS for Spanish, French, German, Russian and Arabic, and for English
// Martin Porter's original algorithm (Snowball's "porter", the one FTS5's porter tokenizer
// used before). Every stem is of one word, so each call is bounded by MAX_STEMMED.
import { stemmer as arabic } from "@orama/stemmers/arabic";
import { stemmer as english } from "@orama/stemmers/english";
import { stemmer as french } from "@orama/stemmers/french";
import { stemmer as german } from "@orama/stemmers/german";
import { stemmer as russian } from "@orama/stemmers/russian";
import { stemmer as spanish } from "@orama/stemmers/spanish";
import type { Lang } from "./lang";
import { isLowerAscii, normalize } from "./normalize";
import { codePointAt, isJoiner, scriptOf, type Script } from "./scripts";

const STEMMERS: Partial<Record<Lang, (word: string) => string>> = { en: english, es: spanish, fr: french, de: german, ru: russian, ar: arabic };

/** Longer "words" (hashes, base64, runs of letters) are not words of a language: left as they are. */
const MAX_STEMMED = 40;

/** Elided articles and pronouns in front of a word: l'homme, d'eau, qu'il, jusqu'à. */
const ELISIONS = new Set(["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"]);

/**
 * The language a word is stemmed in: the text's language when the word is in its script,
 * else the one the word's script says (Cyrillic → ru, Arabic → ar; a Latin word in a text of
 * another script → en). So "Kubernetes" in a Russian passage is stemmed as a query for it is.
 */
export function languageForWord(script: Script, lang: Lang): Lang {
  switch (script) {
    case "latin":
      return lang === "en" || lang === "es" || lang === "fr" || lang === "de" ? lang : "en";
    case "cyrillic":
      return "ru";
    case "arabic":
      return "ar";
    case "kana":
      return "ja";
    case "han":
      return lang === "ja" ? "ja" : "zh";
    case "thai":
      return "th";
    default:
      return "other";
  }
}

/** The script of a word: of its first character. */
export function wordScript(word: string): Script {
  return word ? scriptOf(codePointAt(word, 0)) : "other";
}

/** The word without an elided article or pronoun in front: l'homme → homme, qu'il → il. */
export function elide(word: string): string {
  const apostrophe = word.indexOf("'");
  return apostrophe > 0 && apostrophe < word.length - 1 && ELISIONS.has(word.slice(0, apostrophe)) ? word.slice(apostrophe + 1) : word;
}

/** The word with joiners out: an elided article dropped (l'homme → homme), then ' - _ removed. */
function withoutJoiners(word: string): string {
  let has = false;
  for (let i = 0; i < word.length && !has; i++) has = isJoiner(word.charCodeAt(i));
  if (!has) return word;
  word = elide(word);
  let out = "";
  for (let i = 0; i < word.length; i++) if (!isJoiner(word.charCodeAt(i))) out += word[i];
  return out;
}

/** Decimal digits of other scripts (٢٠٢٦, ४२) as ASCII, so "2026" finds them: a zero's code point per block. */
const DIGIT_ZEROS = [0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0];

function asciiDigits(word: string): string {
  let high = false;
  for (let i = 0; i < word.length && !high; i++) high = word.charCodeAt(i) >= 0x660;
  if (!high) return word;
  let out = "";
  for (const ch of word) {
    const c = ch.charCodeAt(0);
    const zero = c >= 0x660 ? DIGIT_ZEROS.find((z) => c >= z && c <= z + 9) : undefined;
    out += zero === undefined ? ch : String.fromCharCode(0x30 + c - zero);
  }
  return out;
}

/** Latin letters without diacritics: café → cafe, Brücke → brucke. */
export function stripDiacritics(word: string): string {
  if (isLowerAscii(word)) return word;
  return word.normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC");
}

/**
 * A word's stem in that language (Snowball where the package has one; words of other scripts
 * unchanged); Latin-script results have diacritics removed afterwards so "cafe" and "café"
 * agree. The word is normalised first; joiners go (an elided French article with them), and
 * digits of any script become ASCII digits, so one word is always one index term.
 */
export function stem(word: string, lang: Lang): string {
  let w = isLowerAscii(word) ? word : normalize(word);
  w = asciiDigits(withoutJoiners(w));
  const script = wordScript(w);
  const wordLang = languageForWord(script, lang);
  // Porter's English knows no accents, and German Snowball reads ä ö ü as the plain vowels
  // they end up as: stripped first, "café" and "cafe" take the same path. Spanish and French
  // suffixes have accents (-ción, -é): stripped after.
  if (wordLang === "en" || wordLang === "de") w = stripDiacritics(w);
  const stemmer = STEMMERS[wordLang];
  if (stemmer && w.length <= MAX_STEMMED) w = stemmer(w);
  return script === "latin" ? stripDiacritics(w) : w;
}
