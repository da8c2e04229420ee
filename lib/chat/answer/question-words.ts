// The words that say what kind of answer a question wants, per supported language, written
// normalised (NFKC, lowercase). Phrases are matched on whole words of the question; for
// Chinese and Japanese, whose words are cut by a segmenter, on the question's text.
// Order matters: a date phrase is tried before a quantity one ("во сколько" is "at what time").

export type AnswerType = "quantity" | "year" | "time" | "date" | "person" | "place" | "yesno" | "other";

export const TYPE_PHRASES: [Exclude<AnswerType, "yesno" | "other">, string[]][] = [
  [
    "year",
    [
      "what year", "which year", "en qué año", "qué año", "desde qué año", "en quelle année", "quelle année", "depuis quelle année", "in welchem jahr", "welches jahr", "seit welchem jahr",
      "в каком году", "каком году", "с какого года", "في أي عام", "في أي سنة", "أي عام", "أي سنة",
    ],
  ],
  [
    "time",
    ["what time", "at what time", "a qué hora", "qué hora", "à quelle heure", "quelle heure", "um wie viel uhr", "wie viel uhr", "во сколько", "в котором часу", "в какое время", "في أي ساعة"],
  ],
  [
    "date",
    [
      "when", "what year", "which year", "what time", "what date", "what day", "which day",
      "cuándo", "en qué año", "qué año", "a qué hora", "qué día", "en qué fecha", "cuando",
      "quand", "en quelle année", "quelle année", "à quelle heure", "quel jour", "quelle date",
      "wann", "in welchem jahr", "welches jahr", "um wie viel uhr", "an welchem tag", "seit wann",
      "когда", "в каком году", "каком году", "во сколько", "в котором часу", "какого числа",
      "متى", "في أي عام", "في أي سنة", "أي عام", "أي سنة", "في أي شهر", "أي شهر", "في أي يوم", "أي يوم",
      "in what month", "which month", "what month", "en qué mes", "qué mes", "en quel mois", "quel mois", "in welchem monat", "welcher monat", "в каком месяце",
    ],
  ],
  [
    "quantity",
    [
      "how many", "how much", "how often", "how long", "how tall", "how high", "how old", "how far", "how big", "how large", "how heavy", "how deep", "how wide", "how fast", "what percentage",
      "cuántos", "cuántas", "cuánto", "cuánta", "qué tan", "cuantos", "cuantas", "cuanto", "cuanta",
      "combien",
      "wie viele", "wie viel", "wie oft", "wie lang", "wie hoch", "wie alt", "wie weit", "wie groß", "wie schwer", "wie tief", "wie breit", "wie schnell",
      "сколько", "как часто", "какова длина", "какой длины", "какой высоты",
      "كم",
    ],
  ],
  [
    "person",
    [
      "who", "whom", "whose", "which company", "what company", "which organisation", "which organization", "which firm",
      "quién", "quiénes", "qué empresa", "qué compañía", "quien", "quienes",
      "qui", "quelle entreprise", "quelle société",
      "wer", "wem", "wen", "wessen", "welche firma", "welches unternehmen",
      "кто", "кем", "кого", "чей", "чья", "какая компания",
      "من هو", "من هي", "من",
    ],
  ],
  [
    "place",
    [
      "where", "which city", "which country", "what city", "what country", "which town", "in which town",
      "dónde", "en qué ciudad", "en qué país", "adónde", "donde", "adonde",
      "où", "dans quelle ville", "quelle ville", "quel pays",
      "wo", "woher", "wohin", "in welcher stadt", "welche stadt", "welches land",
      "где", "откуда", "куда", "в каком городе", "в какой стране",
      "أين", "من أين", "في أي مدينة",
    ],
  ],
];

/** Chinese and Japanese question markers, found in the text (their words are segmented). */
export const CJK_TYPE_MARKERS: [Exclude<AnswerType, "yesno" | "other">, string[]][] = [
  ["year", ["哪一年", "哪年", "何年"]],
  ["time", ["几点", "何時"]],
  ["date", ["什么时候", "何时", "什么时间", "几月", "いつ", "何月", "何日"]],
  ["quantity", ["何軒", "何回", "何種類", "何台", "何匹", "何羽", "何歳", "何階", "何冊", "何枚", "何分", "何割", "何キロ", "多少", "几", "多长", "多高", "多大", "多重", "多深", "多远", "多宽", "いくつ", "何人", "何個", "何本", "どのくらい", "どれくらい", "どれほど", "いくら", "何メートル", "何キロ", "何度", "何トン", "何リットル"]],
  ["person", ["谁", "哪家公司", "誰", "だれ", "どなた", "どの会社"]],
  ["place", ["哪里", "哪儿", "在哪", "哪个城市", "哪个国家", "どこ"]],
];

/** Words that ask but say nothing about the subject: never searched for, never required in the answer. */
export const QUESTION_WORDS = new Set(
  `what which who whom whose when where why how many much is are was were does do did can could has have had will would should
  qué que cuál cuáles quién quiénes cuándo dónde cómo cuánto cuánta cuántos cuántas por
  cual cuales quien quienes cuando donde como cuanto cuanta cuantos cuantas
  quoi quel quelle quels quelles qui quand où comment combien est-ce
  was welche welcher welches wer wem wen wessen wann wo woher wohin wie viele viel
  что какой какая какое какие какую каким каков какова каково каковы кто кем кого когда где откуда куда как сколько ли чей чья
  ما ماذا من متى أين كيف كم هل لماذا
  什么 哪 哪里 哪儿 谁 多少 几 吗 呢 何时 怎么 是否
  何 なに なん いつ どこ 誰 だれ どの どれ いくつ いくら か ですか ますか
  tell describe explain cuéntame háblame dime describe explica parle-moi dis-moi décris explique erzähl erzähle beschreibe erkläre
  расскажи расскажите опиши объясни أخبرني صف اشرح 介绍 讲讲 说说 教えて 説明`.split(/\s+/).filter(Boolean),
);

/** Words that join two questions in one: "what is its flow rate and its boiling point". */
export const CONJUNCTIONS = new Set(["and", "y", "e", "et", "und", "и", "а", "和", "以及", "及", "与"]);

/** First words of a yes/no question, for the languages that mark one by its first word. */
export const YES_NO_STARTS = new Set(
  `is are was were does do did can could has have had will would should may
  est-ce ist sind war waren hat haben hatte gibt kann können wird werden
  هل`.split(/\s+/).filter(Boolean),
);
/** Yes/no markers anywhere: Russian "ли", Chinese 吗 / 是否 / 有没有, French "est-ce que". */
export const YES_NO_MARKERS = ["吗", "是否", "有没有", "是不是"];

/**
 * Adjectives a measuring question is asked with ("how tall", "wie hoch"): they say which measure
 * is wanted, so the answer must hold them or a word for the same measure.
 */
export const MEASURE_WORDS: Record<string, string[]> = {
  tall: ["high", "height", "tall", "tallest", "highest"],
  high: ["high", "height", "tall", "highest", "tallest"],
  long: ["long", "length", "longest"],
  old: ["old", "age", "oldest"],
  far: ["far", "distance", "away"],
  big: ["big", "size", "area", "large", "biggest", "largest"],
  large: ["large", "size", "area", "big", "largest", "biggest"],
  heavy: ["heavy", "weight", "weighs", "heaviest"],
  deep: ["deep", "depth", "deepest"],
  wide: ["wide", "width", "widest"],
  fast: ["fast", "speed"],
  often: ["often", "frequency", "frequently"],
  oft: ["oft", "häufig"],
  hoch: ["hoch", "höhe"],
  lang: ["lang", "länge"],
  alt: ["alt", "alter"],
  weit: ["weit", "entfernung"],
  groß: ["groß", "größe", "fläche"],
  schwer: ["schwer", "gewicht", "wiegt"],
  tief: ["tief", "tiefe"],
  breit: ["breit", "breite"],
  schnell: ["schnell", "geschwindigkeit"],
  длины: ["длина", "длины", "длиной", "длину"],
  высоты: ["высота", "высоты", "высотой", "высоту"],
  глубины: ["глубина", "глубины", "глубиной", "глубину"],
};

/** Nouns that name a measured quantity: "what is the length of …" asks for a number. */
export const MEASURE_NOUNS = new Set(
  `length height depth width altitude elevation population price cost temperature weight area size distance speed capacity volume
  longitud altura profundidad anchura población precio coste temperatura peso superficie tamaño distancia velocidad capacidad
  longueur hauteur profondeur largeur population prix coût température poids superficie taille distance vitesse capacité
  länge höhe tiefe breite einwohnerzahl bevölkerung preis kosten temperatur gewicht fläche größe entfernung geschwindigkeit
  длина высота глубина ширина население цена стоимость температура вес площадь размер расстояние скорость вместимость
  طول ارتفاع عمق عرض سكان سعر تكلفة حرارة وزن مساحة حجم مسافة سرعة`.split(/\s+/).filter(Boolean),
);
