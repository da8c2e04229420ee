// What the built-in engine says around the sentences it quotes, in the question's language.
import type { Lang } from "./terms";

type Phrases = {
  /** "I don't know the boiling point of Korvath coolant." from the question's own words. */
  dontKnowThe: (span: string) => string;
  dontKnowAnswer: (question: string) => string;
  nothingCovers: string;
  sourcesOn: (subject: string) => string;
  closest: string;
  noted: string;
  disagree: string;
  lowTrust: (title: string, score: number) => string;
};

const en: Phrases = {
  dontKnowThe: (s) => `I don't know the ${s}.`,
  dontKnowAnswer: (q) => `I don't know the answer to "${q}".`,
  nothingCovers: "I don't know that yet: nothing in the knowledge I can read covers it.",
  sourcesOn: (s) => `My sources on ${s} say:`,
  closest: "The closest my sources come:",
  noted: "I've noted it as a research goal; add a source about it and ask me again.",
  disagree: "My sources disagree:",
  lowTrust: (t, n) => `Note: my best source here, "${t}", has a trust score of only ${n}; check it before relying on this.`,
};

const PHRASES: Record<Lang, Phrases> = {
  en,
  other: en,
  th: en,
  es: {
    dontKnowThe: (s) => `No sé: ${s}.`,
    dontKnowAnswer: (q) => `No sé la respuesta a «${q}».`,
    nothingCovers: "Todavía no lo sé: nada de lo que puedo leer lo trata.",
    sourcesOn: (s) => `Lo que dicen mis fuentes sobre ${s}:`,
    closest: "Lo más cercano en mis fuentes:",
    noted: "Lo he anotado como objetivo de investigación; añade una fuente y vuelve a preguntar.",
    disagree: "Mis fuentes no coinciden:",
    lowTrust: (t, n) => `Nota: mi mejor fuente, «${t}», tiene una puntuación de confianza de solo ${n}; compruébala antes de fiarte.`,
  },
  fr: {
    dontKnowThe: (s) => `Je ne sais pas : ${s}.`,
    dontKnowAnswer: (q) => `Je ne connais pas la réponse à « ${q} ».`,
    nothingCovers: "Je ne le sais pas encore : rien de ce que je peux lire n'en parle.",
    sourcesOn: (s) => `Ce que mes sources disent de ${s} :`,
    closest: "Ce qui s'en approche le plus dans mes sources :",
    noted: "Je l'ai noté comme objectif de recherche ; ajoutez une source et reposez la question.",
    disagree: "Mes sources se contredisent :",
    lowTrust: (t, n) => `Note : ma meilleure source, « ${t} », n'a qu'un score de confiance de ${n} ; vérifiez-la.`,
  },
  de: {
    dontKnowThe: (s) => `Das weiß ich nicht: ${s}.`,
    dontKnowAnswer: (q) => `Ich kenne die Antwort auf „${q}“ nicht.`,
    nothingCovers: "Das weiß ich noch nicht: Nichts in meinen Quellen behandelt es.",
    sourcesOn: (s) => `Was meine Quellen über ${s} sagen:`,
    closest: "Am nächsten kommen meine Quellen hiermit:",
    noted: "Ich habe es als Rechercheziel notiert; füge eine Quelle hinzu und frag noch einmal.",
    disagree: "Meine Quellen widersprechen sich:",
    lowTrust: (t, n) => `Hinweis: Meine beste Quelle, „${t}“, hat nur einen Vertrauenswert von ${n}; prüfe sie.`,
  },
  ru: {
    dontKnowThe: (s) => `Я не знаю: ${s}.`,
    dontKnowAnswer: (q) => `Я не знаю ответа на вопрос «${q}».`,
    nothingCovers: "Пока не знаю: в доступных мне источниках об этом ничего нет.",
    sourcesOn: (s) => `Что мои источники говорят о «${s}»:`,
    closest: "Ближе всего в моих источниках:",
    noted: "Я записал это как цель исследования; добавьте источник и спросите снова.",
    disagree: "Мои источники расходятся:",
    lowTrust: (t, n) => `Внимание: у моего лучшего источника «${t}» оценка доверия всего ${n}; проверьте его.`,
  },
  ar: {
    dontKnowThe: (s) => `لا أعرف: ${s}.`,
    dontKnowAnswer: (q) => `لا أعرف الإجابة عن «${q}».`,
    nothingCovers: "لا أعرف ذلك بعد: لا شيء في المعرفة المتاحة لي يتناوله.",
    sourcesOn: (s) => `ما تقوله مصادري عن ${s}:`,
    closest: "أقرب ما في مصادري:",
    noted: "سجلته هدفًا للبحث؛ أضف مصدرًا عنه واسألني مجددًا.",
    disagree: "مصادري متعارضة:",
    lowTrust: (t, n) => `ملاحظة: أفضل مصادري، «${t}»، درجة الثقة فيه ${n} فقط؛ تحقق منه.`,
  },
  zh: {
    dontKnowThe: (s) => `我不知道${s}。`,
    dontKnowAnswer: (q) => `我不知道“${q}”的答案。`,
    nothingCovers: "我还不知道：我能读到的资料中没有相关内容。",
    sourcesOn: (s) => `我的资料中关于“${s}”的内容：`,
    closest: "我的资料中最接近的内容：",
    noted: "我已将其记为研究目标；添加相关资料后请再问我。",
    disagree: "我的资料说法不一：",
    lowTrust: (t, n) => `注意：我最好的来源“${t}”的可信度只有 ${n}，请核实。`,
  },
  ja: {
    dontKnowThe: (s) => `${s}はわかりません。`,
    dontKnowAnswer: (q) => `「${q}」の答えはわかりません。`,
    nothingCovers: "まだわかりません。読める資料にはその内容がありません。",
    sourcesOn: (s) => `「${s}」について資料にあること：`,
    closest: "資料の中で最も近い内容：",
    noted: "調査目標として記録しました。資料を追加してからもう一度聞いてください。",
    disagree: "資料によって内容が異なります：",
    lowTrust: (t, n) => `注意：最も良い資料「${t}」の信頼スコアは ${n} しかありません。確認してください。`,
  },
};

export function phrasesFor(lang: Lang): Phrases {
  return PHRASES[lang] ?? en;
}
