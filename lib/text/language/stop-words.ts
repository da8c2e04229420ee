// Stop-words per language, from the `stopword` package (its lists for all eight languages
// and Thai), normalised like every word (NFKC, case folding) so they compare with tokens.
import { ara, deu, eng, fra, jpn, rus, spa, tha, zho } from "stopword";
import type { Lang } from "./lang";
import { normalize } from "./normalize";

/** English contractions and function words the package's short English list lacks. */
const ENGLISH_EXTRA = `am aren't can't cannot couldn't didn't does doesn't doing don't down during few further hadn't hasn't haven't having he'd
he'll he's hers herself here's how's i'd i'll i'm i've isn't it's its itself let's mustn't myself nor not off once ought ours ourselves own
shan't she she'd she'll she's shouldn't so than that's theirs themselves there's they'd they'll they're they've until wasn't we'd we'll
we're we've weren't what's when's where's who's whom why why's will won't wouldn't yet you'd you'll you're you've yours yourself yourselves
an any no against above below again`;

/** Spanish function words the package's short Spanish list (59 words) lacks. */
const SPANISH_EXTRA = `es son soy eres somos está están estoy estás estamos estaba estaban ser fue fueron era eran sido siendo ha han he has hemos había
habían hay haber este esta estos estas esto aquel aquella aquellos aquellas esa esos esas aquí allí ahí todo todos toda todas otra otros otras
mucho muchos mucha muchas tanto tanta tantos tantas cada entre tras bajo según hacia hasta pues así aunque mientras donde dónde cuándo cómo quién
quiénes cuál cuáles cuanto cuánto les nosotros vosotros ellos ellas usted ustedes mis tus nuestro nuestra nuestros nuestras vuestro vuestra
suyo suya suyos suyas tiene tienen tengo tenía puede pueden hace hacen ni sino e u`;

/** Question and function words of Chinese and Japanese questions the package's short lists lack. */
const CHINESE_EXTRA = `多少 什么 怎么 怎样 怎么样 哪里 哪儿 哪个 哪些 为什么 如何 是否 谁 请问 告诉 我们 你们 他们 她们 它们 这个 那个 这些 那些 这里 那里
可以 没有 就是 还是 因为 所以 但是 如果 已经 一个 一些 自己 什么样 多么`;
const JAPANESE_EXTRA = `ですか ますか どこ なに なん 何 どう どの どれ いつ だれ 誰 ください 教え 教えて あります ありますか でしょう でした ました ません
これ それ あれ ここ そこ あそこ わたし 私 あなた`;

/**
 * Nouns and adjectives in the package's long German list: words people search for ("Jahr",
 * "Mensch", "Ordnung"), so they stay in the index and in queries.
 */
const GERMAN_KEPT = new Set(
  `beispiel ende gott gross grosse grossen grosser grosses groß große großen großer großes gut gute guter gutes jahr jahre jahren kleine kleinen
kleiner kleines mann mensch menschen mittel morgen neue neuen ordnung recht rechte rechten rechter rechtes sache schluss schlecht zeit zeiten`
    .split(/\s+/)
    .map(normalize),
);

function set(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const w of words) {
    const n = normalize(w.trim());
    if (!n) continue;
    out.add(n);
    // Arabic lists spell some words with short vowels; text rarely does.
    const bare = n.replace(/[\u064b-\u065f\u0670]/g, "");
    if (bare !== n) out.add(bare);
  }
  return out;
}

let lists: Map<Lang, Set<string>> | undefined;
let union: Set<string> | undefined;

function stopLists(): Map<Lang, Set<string>> {
  if (lists) return lists;
  lists = new Map<Lang, Set<string>>([
    ["en", set([...eng, ...ENGLISH_EXTRA.split(/\s+/)])],
    ["es", set([...spa, ...SPANISH_EXTRA.split(/\s+/)])],
    ["fr", set(fra)],
    ["de", set(deu.filter((w) => !GERMAN_KEPT.has(normalize(w))))],
    ["ru", set(rus)],
    ["ar", set(ara)],
    ["zh", set([...zho, ...CHINESE_EXTRA.split(/\s+/)])],
    ["ja", set([...jpn, ...JAPANESE_EXTRA.split(/\s+/)])],
    ["th", set(tha)],
    ["other", new Set()],
  ]);
  return lists;
}

/** The stop-words of one language (normalised). */
export function stopWordsOf(lang: Lang): ReadonlySet<string> {
  return stopLists().get(lang)!;
}

/** Every supported language's stop-words together. */
export function allStopWords(): ReadonlySet<string> {
  if (!union) {
    union = new Set<string>();
    for (const s of stopLists().values()) for (const w of s) union.add(w);
  }
  return union;
}
