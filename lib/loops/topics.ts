// Recurring topics in a batch of messages: keywords and two-word phrases, stop-words
// removed, each counted once per message (so one long rant does not make a topic recur).
// Topics are shown to people: normalised words (lib/text/tokenize.ts), never stems.
import { isStopWord, tokens } from "../text/tokenize";
import { isSegmentedScript, scriptOf } from "../text/language/scripts";

const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being below between both but by
can can't cannot could couldn't did didn't do does doesn't doing don't down during each few for from further get gets got had hadn't
has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in
into is isn't it it's its itself just let's like me more most much mustn't my myself need no nor not now of off on once only or other
ought our ours ourselves out over own please same shan't she she'd she'll she's should shouldn't so some such than thank thanks that
that's the their theirs them themselves then there there's these they they'd they'll they're they've this those through to too under
until up use used using very want was wasn't we we'd we'll we're we've were weren't what what's when when's where where's which while
who who's whom why why's will with won't would wouldn't yes yet you you'd you'll you're you've your yours yourself yourselves one two
make made know think tell really thing things way well still even ok okay hello hi hey grace help able may might must shall`.split(/\s+/),
);

export type Topic = { topic: string; count: number };

/**
 * Words of three characters or more (two in scripts without spaces, where a word is often
 * two characters: 人口, 流量), in any script, without numbers and without the stop-words of
 * every supported language.
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const { word } of tokens(text)) {
    if (word.length < 3 && (word.length < 2 || !isSegmentedScript(scriptOf(word.charCodeAt(0))))) continue;
    if (STOP_WORDS.has(word) || isStopWord(word) || isNumber(word)) continue;
    out.push(word);
  }
  return out;
}

const NUMBER = /^\p{N}+$/u;

function isNumber(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 0x30 && c <= 0x39 ? NUMBER.test(word) : c >= 0x80 && NUMBER.test(word);
}

/** Topics that appear in at least `minCount` messages, most frequent first (phrases win ties). */
export function extractTopics(texts: Iterable<string>, o: { minCount: number; maxTopics: number }): Topic[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    const words = tokenize(text);
    const seen = new Set<string>(words);
    for (let i = 0; i + 1 < words.length; i++) seen.add(`${words[i]} ${words[i + 1]}`);
    for (const term of seen) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  const topics = [...counts].filter(([, n]) => n >= o.minCount).map(([topic, count]) => ({ topic, count }));
  // A phrase as frequent as its words says more than the words: drop words it covers.
  const phrases = topics.filter((t) => t.topic.includes(" "));
  const covered = new Set(phrases.flatMap((p) => p.topic.split(" ").filter((w) => counts.get(w) === p.count)));
  return topics
    .filter((t) => t.topic.includes(" ") || !covered.has(t.topic))
    .sort((a, b) => b.count - a.count || Number(b.topic.includes(" ")) - Number(a.topic.includes(" ")) || a.topic.localeCompare(b.topic))
    .slice(0, o.maxTopics);
}
