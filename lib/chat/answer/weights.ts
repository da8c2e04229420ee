// How much each question word says about which sentence answers it: its rarity in the index
// (BM25's inverse document frequency), so "boiling" outweighs "point" and a name outweighs both.
import type { Db } from "../../db/client";
import { termPassageCounts } from "../../knowledge/search";
import type { QueryWord } from "./question";
import type { Weigh } from "./select";

export async function termWeights(o: { db: Db; words: QueryWord[] }): Promise<Weigh> {
  const terms = [...new Set(o.words.flatMap((w) => w.terms))];
  if (!terms.length) return () => 1;
  const { total, counts } = await termPassageCounts({ db: o.db, terms });
  const idf = (df: number) => Math.log(1 + (total - df + 0.5) / (df + 0.5));
  // 1 + idf: in a small index every word is "rare" and idf alone swings wildly between words.
  const byWord = new Map(o.words.map((w) => [w.word, 1 + Math.max(0, idf(Math.max(0, ...w.terms.map((t) => counts.get(t) ?? 0))))]));
  return (w) => byWord.get(w.word) ?? 1;
}
