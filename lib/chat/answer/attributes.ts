// Two kinds of question words that a sentence answering the question need not repeat:
//  - light words, which say little about what is asked ("what size drums does it come in"):
//    they weigh a quarter of a content word;
//  - words naming a measure whose unit only it uses ("at what temperature does it boil" is
//    answered by "it boils at 186 °C"; "how much does it cost" by "38 euros"): a sentence
//    with that unit holds them. Units several dimensions share (metres: height, length,
//    depth) count only when the sentence names no other dimension: "how tall are the towers"
//    is not answered by a span of 418 metres.
// Words are matched normalised (NFKC, lowercase), before stemming.
import type { Evidence } from "./evidence";

const LIGHT = new Set(
  `called named name names known per come comes came go goes went get gets got take takes took put make makes give gives find found use uses used
  one pro 頃 ごろ
  held hold holds happen happens occur occurs measure measures total totals reach reaches amount amounts
  can could may might must should available offered bring brings allow carry carries
  puedo puedes podemos llevar traer
  puis pouvons peux emmener amener apporter
  mitnehmen mitbringen tragen
  могу можем взять брать
  أستطيع يمكن يمكنني
  mide miden tiene tienen cuenta cuentan alcanza puede pueden
  mesure mesurent compte comptent atteint peut peuvent faut
  beträgt misst zählt erreicht kann können darf dürfen
  составляет составляют занимает занимают достигает насчитывает имеет является можно может
  يبلغ تبلغ يصل تصل
  kind type sort size number amount total main whole part other usually typically normally actually currently today now
  tiene hay hace tipo tamaño número cantidad total principal
  il elle y a fait type taille nombre quantité total principal
  gibt art größe anzahl menge gesamt haupt
  есть бывает тип размер количество всего главный
  يوجد نوع حجم عدد كمية
  有 种 类 大小 数量 总共 现在 目前 如今
  ある いる 種類 大きさ 数 今 現在`.split(/\s+/).filter(Boolean),
);

const MEASURES: { words: string[]; unit: RegExp }[] = [
  {
    words: ["temperature", "temperatures", "temperatura", "température", "temperatur", "температура", "температуре", "температуры", "الحرارة", "温度"],
    unit: /°|\bdegrees?\b|\bgrad\b|градус|درج|度/iu,
  },
  {
    words: ["cost", "costs", "price", "prices", "fee", "fees", "ticket", "tickets", "admission", "precio", "cuesta", "cuestan", "coste", "entrada", "prix", "coûte", "coût", "billet", "preis", "kostet", "kosten", "eintritt", "цена", "стоит", "стоимость", "билет", "سعر", "تكلفة", "تذكرة", "价格", "多少钱", "门票", "値段", "料金", "価格", "入場料"],
    unit: /[€$£¥₽]|\beuros?\b|\bdollars?\b|\bpounds?\b|\bfrancs?\b|евро|рубл|долл|دينار|دنانير|درهم|ريال|[\p{N}一二三四五六七八九十百千万]\s?(?:元|円)/iu,
  },
  {
    words: ["weight", "weigh", "weighs", "heavy", "load", "payload", "nutzlast", "zuladung", "carga", "peso", "pesa", "pesan", "poids", "pèse", "pèsent", "gewicht", "wiegt", "wiegen", "schwer", "вес", "весит", "весят", "وزن", "تزن", "يزن", "重", "重さ", "重量", "多重"],
    unit: /\p{N}\s?(?:kg|g|t|lb|lbs)\b|\b(?:kilo(?:gram(?:me)?s?)?|grams?|grammes?|tonnes?|tons?|pounds?|kilos?|gramos?|toneladas?|kilogramm|gramm|tonnen?)\b|кг|килограмм|грамм|тонн|كيلوغرام|كغ|غرام|طن|أطنان|公斤|千克|吨|克|キロ|グラム|トン/iu,
  },
  {
    // "How often" is stated by a frequency: "every 40 minutes", "twice a day", "hourly".
    words: ["often", "frequency", "frequently", "frecuencia", "fréquence", "oft", "häufig", "часто", "частота", "مرة", "كثيرا", "频率", "多久一次", "頻度", "何分おき", "何分ごと"],
    unit: /\b(?:every|each|hourly|daily|weekly|monthly|yearly|annually|twice|once|times)\b|\b(?:a|an|per)\s(?:day|week|month|year|hour)\b|\bcada\b|\bchaque\b|\btous les\b|\bfois\b|\b(?:jede[nrs]?|alle|täglich|stündlich|wöchentlich|mal)\b|кажд\p{L}*|раз\s|ежедневно|ежегодно|كل\s|مرة|مرات|每|おき|ごと|毎/iu,
  },
  {
    words: ["power", "wattage", "watts", "potencia", "puissance", "leistung", "мощность", "قدرة", "功率", "出力", "消費電力"],
    unit: /\p{N}\s?(?:k?w|kilowatts?|watts?|vatios?|вт|квт|واط|瓦|ワット)(?![\p{L}])/iu,
  },
  {
    words: ["capacity", "volume", "hold", "holds", "capacidad", "capacité", "contenance", "fassungsvermögen", "volumen", "inhalt", "ёмкость", "емкость", "объём", "объем", "سعة", "容量", "容积"],
    unit: /\p{N}\s?(?:l|ml|cl)\b|\b(?:lit(?:re|er)s?|millilit(?:re|er)s?|gallons?|pints?|litros?|mililitros?|litres?|liter)\b|литр|لتر|升|リットル/iu,
  },
  {
    // A colour is stated by naming one: "painted rust red".
    words: ["colour", "colours", "color", "colors", "colores", "couleur", "couleurs", "farbe", "farben", "цвет", "цвета", "цвету", "لون", "颜色", "色"],
    unit: /\b(?:red|green|blue|yellow|white|black|grey|gray|brown|orange|purple|pink|violet|rojo|roja|verde|azul|amarillo|amarilla|blanco|blanca|negro|negra|gris|marrón|naranja|rosa|rouge|vert|verte|bleu|bleue|jaune|blanc|blanche|noir|noire|brun|brune|rot|grün|blau|gelb|weiß|schwarz|grau|braun)\b|(?:красн|зелён|зелен|син|жёлт|желт|бел|чёрн|черн|сер|коричнев)\p{L}*|أحمر|حمراء|أخضر|خضراء|أزرق|زرقاء|أصفر|صفراء|أبيض|بيضاء|أسود|سوداء|رمادي|[红绿蓝黄白黑灰紫]色?|[赤緑青黄白黒灰紫]色/iu,
  },
];

/**
 * Dimensions, each named by its own words, all measured in the same units. A sentence with a
 * length unit states a dimension only when it names no OTHER dimension: "212 metres above sea
 * level" answers "how high"; "96 metres long" does not, nor does "a main span of 418 metres
 * between the towers" say how tall the towers are. Size asks for any dimension.
 */
const DIMENSIONS: Record<string, string[]> = {
  height: ["high", "height", "tall", "altitude", "elevation", "hauteur", "haut", "altura", "alto", "höhe", "hoch", "высота", "высоте", "высотой", "высоту", "ارتفاع", "高", "高さ", "高度", "海拔", "標高"],
  length: ["long", "length", "span", "longueur", "largo", "longitud", "länge", "lang", "длина", "длиной", "длину", "طول", "长", "长度", "長さ", "全長"],
  depth: ["deep", "depth", "profondeur", "profond", "profundidad", "profundo", "tiefe", "tief", "глубина", "глубине", "глубиной", "عمق", "深", "深さ"],
  width: ["wide", "width", "across", "largeur", "ancho", "anchura", "breite", "breit", "ширина", "шириной", "عرض", "宽", "幅"],
  // How far a vehicle goes on one charge or tank: a distance, not a size.
  range: ["range", "autonomy", "autonomía", "alcance", "autonomie", "reichweite", "запас", "مدى", "续航", "航続距離"],
};
const SIZE = ["big", "large", "size", "grand", "grande", "taille", "tamaño", "groß", "größe", "большой", "размер", "حجم", "大", "多大", "大きさ"];
/** An area is stated in units of area only: "340 mu", "18 square kilometres", "12 hectares". */
const AREA = ["area", "superficie", "fläche", "площадь", "مساحة", "面积", "面積", "広さ"];
const AREA_UNIT = /\b(?:hectares?|acres?|square\s(?:kilomet|met|mile|feet|foot)\p{L}*|ha)\b|km²|m²|hectáreas?|quadrat\p{L}*|квадратн|гектар|هكتار|مربع|\p{N}\s?亩|公顷|平方|ヘクタール|坪/iu;
/** A speed is no length: "winds above 90 kilometres per hour", "bis 25 km/h". */
const SPEED = /\p{N}\s?(?:km|mi|m)\s?\/\s?h\b|\b(?:kilomet(?:re|er)s?|miles?|metres?|meters?)\s(?:per|an|a)\s(?:hour|second)\b|\bmph\b|km\/ч|كم\/س|公里每小时|时速|時速/giu;
/** A length above something is a height: "38 metres above the river", "2 214 Meter über dem Meer". */
const ABOVE = /(?:\bm|met(?:re|er)s?|metros?|mètres?|метр\p{L}*|مترا?|米|メートル)\s(?:above|over|sobre|au-dessus|über|над|فوق)/iu;
const LENGTH_UNIT = /\p{N}\s?(?:km|m|cm|mm|ft|mi)\b|\b(?:kilo|centi|milli)?met(?:re|er)s?\b|\bfeet\b|\bfoot\b|\bmiles?\b|mètres?|metros?|kilomètres?|kilómetros?|kilometer|метр|километр|متر|كيلومتر|米|公里|メートル|キロ/iu;
/** "How long" also asks for a duration: "bake for 45 minutes" (a number and its unit: "each day" is none). */
const DURATION = /\p{N}\s?(?:seconds?|minutes?|min|hours?|days?|weeks?|months?|segundos?|minutos?|horas?|días?|semanas?|heures?|jours?|semaines?|minuten|stunden?|tage|wochen|секунд|минут|час|недел|دقيقة|دقائق|ساعة|ساعات|أيام|分钟|小时|分間|時間|日間)/iu;
export const DURATION_WORDS = new Set(["long", "lange", "longtemps", "долго"]);
/** Opening and closing are stated by hours: "Saturday: 10:00 to 16:00", "open until 18:00". */
const OPEN_CLOSE = new Set(["open", "opens", "opening", "close", "closes", "closing", "abre", "abren", "cierra", "cierran", "ouvre", "ouvrent", "ferme", "ferment", "öffnet", "schließt", "открывается", "закрывается", "يفتح", "تفتح", "يغلق", "تغلق", "开门", "关门", "開館", "閉館"]);
const TIME_OF_DAY = /\p{N}{1,2}[:.h]\p{N}{2}/gu;
const UNTIL = /\b(?:until|till|hasta|jusqu|bis)\b|до\s|حتى/iu;
const DIMENSION_OF = new Map(Object.entries(DIMENSIONS).flatMap(([dim, words]) => words.map((w) => [w, dim] as const)));

/**
 * A yes/no question is answered by the opposite too: "is it open on Sundays?" by "Sunday: closed".
 * Pairs of one state and its negation, in each supported language.
 */
const OPPOSITES: [string[], string[]][] = [
  [["open", "opens", "abierto", "abierta", "abre", "ouvert", "ouverte", "ouvre", "offen", "geöffnet", "öffnet", "открыт", "открыта", "открыто", "работает", "работают", "مفتوح", "مفتوحة", "开放", "开门", "営業", "開館"],
   ["closed", "shut", "cerrado", "cerrada", "cierra", "fermé", "fermée", "ferme", "geschlossen", "закрыт", "закрыта", "закрыто", "выходной", "مغلق", "مغلقة", "关闭", "闭园", "休息", "休館", "休み"]],
];
const OPPOSITE_OF = new Map(OPPOSITES.flatMap(([a, b]) => [...a.map((w) => [w, b] as const), ...b.map((w) => [w, a] as const)]));

/** The words that state the opposite of `word` (none for most words). */
export function oppositesOf(word: string): readonly string[] {
  return OPPOSITE_OF.get(word) ?? [];
}

/** How much a question word says about what is asked: 1, or a quarter for a light word. */
export function lightness(word: string): number {
  return LIGHT.has(word) ? 0.25 : 1;
}

/** The word names a dimension (a height, a length, a depth, a width, a range), stated in units of length. */
export function namesDimension(word: string): boolean {
  return DIMENSION_OF.has(word);
}

/** The sentence names the dimension this word names, in any of its words ("Haut de 47 mètres" for "hauteur"). */
export function dimensionNamed(word: string, e: Pick<Evidence, "terms">): boolean {
  const dim = DIMENSION_OF.get(word);
  return !!dim && DIMENSIONS[dim].some((w) => e.terms.has(w));
}

/** The word names a measure stated by a unit (a temperature, a price, a height, a length…); "size" may be any. */
export function namesMeasure(word: string): boolean {
  return MEASURES.some((m) => m.words.includes(word)) || DIMENSION_OF.has(word) || AREA.includes(word);
}

/** The sentence holds the measure this word names by its unit (°C for temperature, € for price, metres for a height). */
export function unitHolds(word: string, e: Pick<Evidence, "text" | "terms">): boolean {
  const m = MEASURES.find((x) => x.words.includes(word));
  if (m) return m.unit.test(e.text);
  if (OPEN_CLOSE.has(word)) {
    const times = e.text.match(TIME_OF_DAY)?.length ?? 0;
    return times >= 2 || (times === 1 && UNTIL.test(e.text));
  }
  if (AREA.includes(word)) return AREA_UNIT.test(e.text);
  if (SIZE.includes(word)) return LENGTH_UNIT.test(e.text.replace(SPEED, " ")) || AREA_UNIT.test(e.text);
  const dim = DIMENSION_OF.get(word);
  if (!dim) return false;
  if (DURATION_WORDS.has(word) && DURATION.test(e.text)) return true;
  if (!LENGTH_UNIT.test(e.text.replace(SPEED, " "))) return false;
  if (ABOVE.test(e.text) && dim !== "height") return false;
  for (const t of e.terms) {
    const other = DIMENSION_OF.get(t);
    if (other && other !== dim) return false;
  }
  return true;
}
