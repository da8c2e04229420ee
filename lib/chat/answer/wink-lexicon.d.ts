// wink-lexicon ships no types; only its WordNet verb exceptions are read (lemmas.ts).
declare module "wink-lexicon/src/wn-verb-exceptions.js" {
  const exceptions: Record<string, string>;
  export default exceptions;
}
