// Two kinds of question words that a sentence answering the question need not repeat:
//  - light words, which say little about what is asked ("what size drums does it come in"):
//    they weigh a quarter of a content word;
//  - words naming a measure whose unit only it uses ("at what temperature does it boil" is
//    answered by "it boils at 186 °C"; "how much does it cost" by "38 euros"): a sentence
//    with that unit holds them. Units several measures share (metres: height, length, depth)
//    are not used: "how tall are the towers" is not answered by a span of 418 metres.
// Words are matched normalised (NFKC, lowercase), before stemming.

const LIGHT = new Set(
  `called named name names known per come comes came go goes went get gets got keep keeps kept take takes took put make makes give gives find found use uses used
  kind type sort size number amount total main whole part other usually typically normally actually currently today now
  tiene hay hace tipo tamaño número cantidad total principal
  il elle y a fait type taille nombre quantité total principal
  gibt art größe anzahl menge gesamt haupt
  есть бывает тип размер количество всего главный
  يوجد نوع حجم عدد كمية
  有 种 类 大小 数量 总共
  ある いる 種類 大きさ 数 今 現在`.split(/\s+/).filter(Boolean),
);

const MEASURES: { words: string[]; unit: RegExp }[] = [
  {
    words: ["temperature", "temperatures", "temperatura", "température", "temperatur", "температура", "температуре", "температуры", "الحرارة", "温度"],
    unit: /°|\bdegrees?\b|\bgrad\b|градус|درج|度/iu,
  },
  {
    words: ["cost", "costs", "price", "prices", "fee", "fees", "precio", "cuesta", "cuestan", "coste", "prix", "coûte", "coût", "preis", "kostet", "kosten", "цена", "стоит", "стоимость", "سعر", "تكلفة", "价格", "多少钱", "値段", "料金", "価格"],
    unit: /[€$£¥₽]|\beuros?\b|\bdollars?\b|\bpounds?\b|\bfrancs?\b|евро|рубл|долл|دينار|دنانير|درهم|ريال|元|円/iu,
  },
];

/** How much a question word says about what is asked: 1, or a quarter for a light word. */
export function lightness(word: string): number {
  return LIGHT.has(word) ? 0.25 : 1;
}

/** The sentence holds the measure this word names by its unit (°C for temperature, € for price). */
export function unitHolds(word: string, sentence: string): boolean {
  const m = MEASURES.find((x) => x.words.includes(word));
  return m ? m.unit.test(sentence) : false;
}
