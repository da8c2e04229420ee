// Whether a sentence holds the kind of value a question asks for, and which values it holds
// (to tell when two sources disagree). Sentences are at most a passage long (≤ 800 characters)
// and every pattern here is a plain scan without nested repetition.
import type { AnswerType } from "./question-words";
import type { Lang } from "./terms";

const NUMBER = /\p{N}+(?:[.,]\p{N}+)*/gu;
const CJK_NUMERALS = /[一二三四五六七八九十百千万億亿两]/u;
// Articles that are also "one" (un, une, uno, una, ein) are left out: they are in every sentence.
const NUMBER_WORDS = new Set(
  `one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand million millions billion dozen half
  dos tres cuatro cinco seis siete ocho nueve diez once doce veinte treinta cien ciento cientos mil millón millones
  deux trois quatre cinq six sept huit neuf dix onze douze vingt trente cent cents mille million millions
  zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig dreißig hundert tausend million millionen
  два две двух три трёх трех четыре четырёх пять пяти шесть шести семь семи восемь восьми девять десять сто сотни тысяча тысячи тысяч миллион миллиона миллионов
  اثنان اثنين ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة مئة مائة ألف آلاف مليون`.split(/\s+/).filter(Boolean),
);
const YEAR = /(?<!\p{N})(?:1\p{N}{3}|20\p{N}{2})(?!\p{N})/u;
const TIME = /\p{N}{1,2}\s?(?:[:.h]\s?\p{N}{2}|[ap]\.?m\.?|uhr|heures?|時|点)/iu;
const CJK_DATE = /\p{N}\s?(?:年|月|日)|[一二三四五六七八九十〇](?:年|月)/u;
const MONTHS_AND_DAYS = new Set(
  `january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday century
  enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre lunes martes miércoles jueves viernes sábado domingo siglo
  janvier février mars avril mai juin juillet août septembre octobre novembre décembre lundi mardi mercredi jeudi vendredi samedi dimanche siècle
  januar februar märz april mai juni juli august september oktober november dezember montag dienstag mittwoch donnerstag freitag samstag sonntag jahrhundert
  января февраля марта апреля мая июня июля августа сентября октября ноября декабря январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь понедельник вторник среда четверг пятница суббота воскресенье века веке век
  يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر`.split(/\s+/).filter(Boolean),
);
/** A number in figures or in words ("12", "twelve", "sieben"). */
export function isNumber(word: string): boolean {
  return /^\p{N}/u.test(word) || NUMBER_WORDS.has(word);
}

/** Months and weekdays are written with a capital in some languages, but they are not names. */
export function isCalendarWord(word: string): boolean {
  return MONTHS_AND_DAYS.has(word) || (word.endsWith("s") && MONTHS_AND_DAYS.has(word.slice(0, -1)));
}

/** Scripts without capitals (or where names are not marked) cannot show a name: they are given the benefit. */
const CASED: Lang[] = ["en", "es", "fr", "de", "ru", "other"];
/** A place said without a name: "in the old ferry house", "dans la rue", "auf dem Hof", "в подвале". */
const LOCATIVE = /(?<![\p{L}\p{N}])(?:in|at|on|near|inside|beside|behind|under|en|dans|sur|près|im|am|auf|в|во|на)\s(?:(?:the|a|an|el|la|los|las|le|les|l'|du|des|der|die|das|dem|den)\s)?\p{L}{3}/iu;
const CAPITALISED_WORD = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{M}'’-]*/gu;

/** Does `sentence` hold a value of `type` that is not one of the question's own words? */
export function fitsType(type: AnswerType, sentence: string, lang: Lang, questionWords: Set<string>): boolean {
  switch (type) {
    case "quantity":
      return numbers(sentence).some((n) => !questionWords.has(n)) || CJK_NUMERALS.test(sentence) || lowerWords(sentence).some((w) => NUMBER_WORDS.has(w));
    case "year":
      return YEAR.test(sentence) || /\p{N}\s?年/u.test(sentence);
    case "time":
      return TIME.test(sentence);
    case "date":
      return YEAR.test(sentence) || TIME.test(sentence) || CJK_DATE.test(sentence) || lowerWords(sentence).some((w) => MONTHS_AND_DAYS.has(w));
    case "person":
      return !CASED.includes(lang) || names(sentence, questionWords).length > 0;
    case "place":
      return !CASED.includes(lang) || names(sentence, questionWords).length > 0 || LOCATIVE.test(sentence);
    default:
      return true;
  }
}

/** The values a sentence states for a question of this type: numbers, or names it adds. */
export function valuesOf(type: AnswerType, sentence: string, questionWords: Set<string>): string[] {
  if (type === "quantity" || type === "date" || type === "year" || type === "time") return numbers(sentence).filter((n) => !questionWords.has(n));
  if (type === "person" || type === "place") return names(sentence, questionWords);
  return [];
}

function numbers(sentence: string): string[] {
  return [...sentence.matchAll(NUMBER)].map((m) => m[0].replace(/[.,]/g, ""));
}

function lowerWords(sentence: string): string[] {
  return sentence.toLowerCase().split(/[^\p{L}\p{N}]+/u);
}

/** Capitalised words after the sentence's first word that the question does not already hold. */
function names(sentence: string, questionWords: Set<string>): string[] {
  const firstWord = sentence.search(/[\p{L}\p{N}]/u);
  const out: string[] = [];
  for (const m of sentence.matchAll(CAPITALISED_WORD)) {
    if (m.index === firstWord) continue; // capitalised because it starts the sentence
    const w = m[0].toLowerCase();
    if (!questionWords.has(w)) out.push(w);
  }
  return out;
}
