// Whether a model's answer says it does not know, in any language Grace supports (en, es, fr,
// de, ru, ar, zh, ja): the prompt asks it to say so plainly, and it may say so in the question's
// language. Plain substring search over the normalised text (NFKC, lower case, one apostrophe),
// a fixed list of phrases: linear in the answer, nothing to backtrack.

/**
 * Phrases matched as whole words: the characters on either side of a match must not be letters
 * or digits ("no sé" is not the end of "patrono sé…"). Written already normalised.
 */
const WORD_PHRASES = [
  // en
  "i don't know",
  "i do not know",
  "i dont know",
  "i don't have any information",
  "i don't have information",
  "i do not have any information",
  "i do not have information",
  "i don't have enough information",
  "i do not have enough information",
  "i cannot answer",
  "i can't answer",
  "i am unable to answer",
  "i'm unable to answer",
  "i could not find",
  "i couldn't find",
  "i can't find",
  "i cannot find",
  "no information",
  "not mentioned",
  "there is no mention",
  "not covered by the sources",
  "not in the sources",
  "not in the provided sources",
  "not in the given sources",
  // es
  "no lo sé",
  "no lo se",
  "no sé",
  "no tengo información",
  "no tengo informacion",
  "no hay información",
  "no hay informacion",
  "no se menciona",
  "no se mencionan",
  // fr
  "je ne sais pas",
  "je ne le sais pas",
  "je n'ai pas d'information",
  "je n'ai pas d'informations",
  "je n'ai pas assez d'informations",
  "aucune information",
  "n'est pas mentionné",
  "ne sont pas mentionnés",
  // de
  "ich weiß nicht",
  "ich weiss nicht",
  "weiß ich nicht",
  "weiss ich nicht",
  "ich weiß es nicht",
  "ich weiss es nicht",
  "keine informationen",
  "keine information",
  "nicht erwähnt",
  // ru
  "я не знаю",
  "не знаю",
  "нет информации",
  "нет данных",
  "не упоминается",
  "не упоминаются",
  "информации нет",
];

/**
 * Matched anywhere: Chinese and Japanese write no spaces between words, and Arabic joins
 * particles and pronouns to the word ("ولا أعرفه": "and I don't know it").
 */
const ANYWHERE_PHRASES = [
  // ar
  "لا أعرف",
  "لا اعرف",
  "لا أعلم",
  "لا اعلم",
  "لا توجد معلومات",
  "ليس لدي معلومات",
  "لا تتوفر معلومات",
  // zh (simplified and traditional)
  "我不知道",
  "没有相关信息",
  "沒有相關資訊",
  "沒有相關信息",
  "没有提到",
  "沒有提到",
  "未提及",
  "不清楚",
  "无法回答",
  "無法回答",
  // ja
  "わかりません",
  "分かりません",
  "知りません",
  "情報がありません",
  "記載されていません",
  "記載がありません",
  "言及されていません",
];

/** "The sources do not say / mention / contain …", and the same with "context", "documents", "don't". */
const SUBJECTS = ["the sources", "the provided sources", "the given sources", "the source", "the context", "the documents", "the passages"];
const DENIALS = ["do not", "don't", "does not", "doesn't"];
const VERBS = ["say", "mention", "contain", "cover", "provide", "include", "specify", "state", "address", "answer", "give", "discuss", "describe"];
const SOURCE_PHRASES = SUBJECTS.flatMap((s) => DENIALS.flatMap((d) => VERBS.map((v) => `${s} ${d} ${v}`)));

export function normalizeForRefusal(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[\u2018\u2019\u02bc\u2032`´]/g, "'");
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}\p{M}]/u.test(ch);

/** Whether `phrase` occurs in `text` with no letter or digit right before or after it. */
function hasWord(text: string, phrase: string): boolean {
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    if (!isWordChar(text[at - 1]) && !isWordChar(text[at + phrase.length])) return true;
  }
  return false;
}

/** Whether the answer says, somewhere, that it does not know (all or part of) what was asked. */
export function saysDontKnow(answer: string): boolean {
  const text = normalizeForRefusal(answer);
  return WORD_PHRASES.some((p) => hasWord(text, p)) || SOURCE_PHRASES.some((p) => hasWord(text, p)) || ANYWHERE_PHRASES.some((p) => text.includes(p));
}
