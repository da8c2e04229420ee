// Words that ask for the same attribute in other words, per supported language: a question asks
// who "invented" something and its source says who "developed" it; how many people "speak" a
// language and the source says it is "spoken" by 9,000; "travaillent" and "emploie". Each group
// is one attribute, and only words a source would use in place of the question's word belong to
// it: "designed" and "built" are different facts (an architect and a builder), so they are in
// different groups, and a near miss about one is never answered with the other.
// Words are written normalised (NFKC, lowercase) and matched by their stems (lib/text/tokenize.ts),
// so one form of a regular word stands for all of them.
import { alternativesOf } from "./terms";

const GROUPS: string[] = [
  // who made it first
  "invent invented inventor develop developed developer development create created creator devise devised",
  "inventó inventor desarrolló desarrollo creó creador",
  "inventé inventeur développé développement créé créateur",
  "erfunden erfinder entwickelt entwicklung geschaffen",
  "изобрёл изобрел изобретатель разработал разработка создал создатель",
  "اخترع مخترع طور طوّر صنع",
  "发明 研发 开发 创造",
  "発明 開発 考案",
  // who designed it
  "design designed designer architect",
  "diseñó diseño diseñador arquitecto proyectó",
  "conçu conception architecte dessiné",
  "entworfen entwurf architekt",
  "спроектировал проект архитектор",
  "صمم صمّم مهندس",
  "设计 设计师 建筑师",
  "設計 設計者 建築家",
  // who runs it
  "operate operates operated operator run runs manage manages managed manager",
  "gestiona gestionada administra explota opera",
  "gère géré exploite exploité",
  "betreibt betrieben betreiber",
  "управляет управляется эксплуатирует",
  "يدير تدير تديره",
  "运营 管理 经营",
  "運営 管理",
  // who leads it
  "lead leads leader led headed direct directs directed director",
  "dirige dirigida director directora",
  "dirige dirigé directeur directrice",
  "leitet geleitet leiter leiterin direktor",
  "руководит возглавляет директор руководитель",
  "مدير يرأس",
  "馆长 负责人 主任",
  "館長 責任者",
  // what it eats
  "eat eats feed feeds diet serve serves served",
  "comen alimenta alimentan",
  "mange mangent nourrit nourrissent",
  "frisst fressen ernährt",
  "ест питается",
  "يأكل يتغذى",
  "吃 食用",
  "食べる 餌",
  // what it costs (and whether one pays)
  "cost costs price ticket tickets admission fee fees fare fares charge pay pays paid free",
  "cuesta cuestan precio entrada billete pagar paga",
  "coûte coûtent prix billet entrée tarif payer payant",
  "kostet kosten preis eintritt ticket karte zahlen bezahlen",
  "стоит стоимость цена билет вход платить заплатить",
  "سعر تذكرة ثمن تكلفة دخول يدفع",
  "票价 门票 价格 付费",
  "料金 入場料 値段 チケット 払う",
  // how many live there
  "population inhabitants residents live lives",
  "población habitantes",
  "population habitants",
  "bevölkerung einwohner",
  "население жителей жителя жители",
  "سكان السكان نسمة",
  "人口 居民",
  "人口 住民",
  // how often: a year, yearly
  "year yearly annual annually",
  "año anual anualmente",
  "année annuel annuelle annuellement",
  "jahr jährlich",
  "год ежегодно годовой",
  "عام سنة سنويا سنوياً",
  // who did it first
  "впервые первым первой первый",
  "erstmals zuerst",
  // when it begins, when it ends
  "start starts begin begins leave leaves depart departs",
  "close closes closing shut shuts until",
  // how many work there
  "employ employs employed employee employees staff worker workers",
  "trabajan emplea empleados trabajadores plantilla",
  "travaillent travaille emploie employés salariés",
  "arbeiten beschäftigt mitarbeiter angestellte",
  "работают работает сотрудников работников",
  "يعمل يعملون موظف",
  // how many it brings together
  "forman reúne agrupa",
  "forment réunit regroupe",
  // when it takes place
  "celebra celebran celebró organiza organizó",
  "célèbre célébré organise organisé",
  // where it is
  "trouve situé située installé installée",
  "encuentra ubicado ubicada situado situada",
  "befindet liegt steht",
  // when it began
  "最初 始め 始まり 初めて",
  "最初 开始 起初",
  // in altitude
  "altitude elevation height",
  // the days of the week in Chinese, said two ways
  "星期一 周一",
  "星期二 周二",
  "星期三 周三",
  "星期四 周四",
  "星期五 周五",
  "星期六 周六",
  "星期日 星期天 周日",
  // who is in command of a boat
  "captain captains skipper skippers master helmsman",
  "capitán patrón",
  "capitaine patron",
  "kapitän schiffsführer",
  "капитан шкипер",
  "قبطان ربان نوخذة",
  "船长",
  "船長",
  // whether one may (and whether one may not)
  "allowed permitted welcome may banned forbidden prohibited",
  "permitido permitidos permitida admiten admite prohibido prohibida",
  "autorisé autorisés autorisée admis interdit interdits interdite",
  "erlaubt gestattet willkommen verboten untersagt",
  "разрешено разрешается можно запрещено запрещается",
  "مسموح يسمح يُسمح ممنوع يمنع يُمنع",
  "允许 可以 禁止",
  "可能 禁止",
  // a bicycle
  "bike bikes bicycle bicycles cycle cycles cyclist cyclists",
  "bici bicis bicicleta bicicletas ciclista ciclistas",
  "vélo vélos bicyclette cycliste cyclistes",
  "fahrrad fahrräder rad räder radfahrer",
  "велосипед велосипеды велосипедист велосипедисты",
  "دراجة دراجات",
  "自行车 单车",
  "自転車",
  // when one may visit: when it is open
  "visit visits visiting open opens",
  "visitar abre abren",
  "visiter ouvre ouvrent",
  "besuchen besichtigen geöffnet öffnet",
  // young people
  "kids children child juniors",
  "niños niñas",
  "enfants",
  "kinder",
  "дети детей",
  // a brewed drink
  "beer ale lager",
  // the words of a song or an opera
  "words lyrics libretto",
  // its first performance
  "performed premiere premiered",
  // whether the law allows it
  "legal illegal law protected licence license",
]; 

let byTerm: Map<string, Set<string>> | undefined;

/** Every term of every word of each group, pointing to the group's terms. */
function index(): Map<string, Set<string>> {
  if (byTerm) return byTerm;
  byTerm = new Map();
  for (const group of GROUPS) {
    const terms = new Set(group.split(" ").flatMap((w) => [w, ...alternativesOf(w)]));
    for (const t of terms) {
      const known = byTerm.get(t);
      byTerm.set(t, known ? new Set([...known, ...terms]) : terms);
    }
  }
  return byTerm;
}

/**
 * The terms of the words that say what `word` says, its own terms first. Groups are found by the
 * word itself or by a stem it starts with ("develops" → "develop"): a stem the word does not start
 * with may be another language's ("prey" is stemmed "prei", as German "Preis" is).
 */
export function withRelated(word: string, terms: string[]): string[] {
  const groups = index();
  const out = new Set(terms);
  for (const t of [word, ...terms.filter((t) => t.length >= 5 && word.startsWith(t))]) for (const r of groups.get(t) ?? []) out.add(r);
  return [...out];
}
