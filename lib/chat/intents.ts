// What kind of message this is, by whole words only: "this" is not "hi", "think" is not "thanks".

// A greeting is a greeting word, then at most punctuation and one of a few words. Two
// anchored regexes, not one: `…\b[\s!.,]*(there|…)?[\s!.]*$` retried every split of a run
// of spaces between its two overlapping classes ("hi" + 20,000 spaces + "x" took 0.6 s).
const GREETING = /^\s*(?:hi|hello|hey|hiya|howdy|good (?:morning|afternoon|evening)|greetings)\b/i;
const GREETING_TAIL = /^[\s!.,]*(?:(?:there|grace|everyone|all)[\s!.]*)?$/i;
const THANKS = /\b(thanks|thank you|thx|cheers|much appreciated)\b/i;
const GOODBYE = /^\s*(bye|goodbye|good night|see you( later| soon)?|farewell|cya)\b/i;
const MEMORY = /\b(what did (we|i) (talk|speak|chat) about|what have we (discussed|talked about)|do you remember|remember when|earlier (you|i|we) (said|asked|mentioned)|our (last|previous) conversation|what did i (ask|say))\b/i;

export type Intent = "greeting" | "thanks" | "goodbye" | "memory" | "question";

export function classify(message: string): Intent {
  if (isGreeting(message)) return "greeting";
  if (GOODBYE.test(message)) return "goodbye";
  // "thanks, but what is X?" is a question; a bare thank-you is not.
  if (THANKS.test(message) && message.replace(THANKS, "").replace(/[\s!.,]/g, "").length < 12) return "thanks";
  if (MEMORY.test(message)) return "memory";
  return "question";
}

function isGreeting(message: string): boolean {
  const word = GREETING.exec(message);
  return word !== null && GREETING_TAIL.test(message.slice(word[0].length));
}
