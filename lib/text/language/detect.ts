// The language of a text, from its opening (at most SAMPLE characters, so any length costs
// the same): the script most of its letters are in, and for Latin script votes of common
// function words among English, Spanish, French and German.
import type { Lang } from "./lang";
import { codePointAt, cpLength, isWordStart, scriptOf, type Script } from "./scripts";

/** Characters looked at. A document's language shows in its first pages. */
export const SAMPLE = 10_000;
/** Latin words that vote. */
const MAX_VOTERS = 2_000;

/** The commonest function words of each language: frequent enough to vote in a sentence. */
const MARKERS: Record<"en" | "es" | "fr" | "de", string> = {
  en: "the and is are was were of to in that it with for this what how which does do you on be have has not from by at or as but they their there can will would when where who why",
  es: "el la los las de que y en es un una por con para del se como qué cómo está son al lo más pero sus su muy también cuando dónde cuál hay tiene sin sobre cuándo cuánto cuántos cuántas quién cuantos cuantas donde quien",
  fr: "le la les de des et est un une du que qui dans pour pas sur avec au aux ce cette il elle sont ne se plus où quel quelle comment c'est j'ai être avoir nous vous on quand combien pourquoi peut faut",
  de: "der die das und ist nicht ein eine zu den mit von sich des auf für im dem wie was sind ich wir auch es ein einen einem oder aber wird werden kann hat gibt wann wo wer welche welcher welches viele darf",
};

let voters: Map<string, { lang: Lang; weight: number }[]> | undefined;

/** Each marker word with the languages it votes for; a word of several languages weighs less in each. */
function markerVotes(): Map<string, { lang: Lang; weight: number }[]> {
  if (voters) return voters;
  const langsOf = new Map<string, Lang[]>();
  for (const [lang, words] of Object.entries(MARKERS) as [Lang, string][]) {
    for (const w of words.split(" ")) langsOf.set(w, [...new Set([...(langsOf.get(w) ?? []), lang])]);
  }
  voters = new Map([...langsOf].map(([w, langs]) => [w, langs.map((lang) => ({ lang, weight: 1 / langs.length }))]));
  return voters;
}

/** Letters only one of the four languages writes (among them): each is half a vote. */
function letterVote(cp: number): Lang | undefined {
  switch (cp) {
    case 0xf1: // ñ
    case 0xd1:
    case 0xbf: // ¿
    case 0xa1: // ¡
    case 0xe1: // á
    case 0xed: // í
    case 0xf3: // ó
    case 0xfa: // ú
      return "es";
    case 0xe7: // ç
    case 0x153: // œ
    case 0xe8: // è
    case 0xea: // ê
    case 0xe0: // à
    case 0xf9: // ù
    case 0xe2: // â
    case 0xee: // î
    case 0xfb: // û
    case 0xeb: // ë
    case 0xef: // ï
      return "fr";
    case 0xe4: // ä
    case 0xf6: // ö
    case 0xfc: // ü
    case 0xdf: // ß
    case 0xc4:
    case 0xd6:
    case 0xdc:
      return "de";
    default:
      return undefined;
  }
}

/**
 * The language of a text: by script (Cyrillic→ru, Arabic→ar, Kana→ja, Han→zh, Thai→th), and
 * for Latin script by stop-word votes among en/es/fr/de (default en). Looks at the first
 * SAMPLE characters only, in one pass.
 */
export function detectLanguage(text: string): Lang {
  const end = Math.min(text.length, SAMPLE);
  const letters: Record<Script, number> = { latin: 0, cyrillic: 0, arabic: 0, han: 0, kana: 0, thai: 0, sea: 0, other: 0 };
  const votes: Record<string, number> = { en: 0, es: 0, fr: 0, de: 0 };
  const markers = markerVotes();
  let voted = 0;
  let word = "";
  const vote = () => {
    if (word && voted < MAX_VOTERS) {
      const v = markers.get(word);
      if (v) for (const { lang, weight } of v) votes[lang] += weight;
      voted++;
    }
    word = "";
  };
  for (let i = 0; i < end; ) {
    const cp = codePointAt(text, i);
    const n = cpLength(cp);
    const script = scriptOf(cp);
    if (script !== "other") letters[script]++;
    else if (cp >= 0x80 && isWordStart(cp)) letters.other++;
    if (script === "latin" || cp === 0x27 || cp === 0x2019) {
      const letter = letterVote(cp);
      if (letter) votes[letter] += 0.5;
      if (word.length < 16) word += cp === 0x2019 ? "'" : String.fromCodePoint(cp).toLowerCase();
    } else vote();
    i += n;
  }
  vote();

  const cjk = letters.han + letters.kana;
  const top = (Object.entries(letters) as [Script, number][]).filter(([s]) => s !== "han" && s !== "kana").concat([["han", cjk]]).sort((a, b) => b[1] - a[1])[0];
  if (!top || top[1] === 0) return "en";
  switch (top[0]) {
    case "cyrillic":
      return "ru";
    case "arabic":
      return "ar";
    case "thai":
      return "th";
    case "han":
      // Japanese writes kana between its kanji; Chinese text has none.
      return letters.kana * 20 >= cjk ? "ja" : "zh";
    case "latin": {
      let best: Lang = "en";
      for (const lang of ["es", "fr", "de"] as const) if (votes[lang] > votes[best]) best = lang;
      return best;
    }
    default:
      return "other";
  }
}
