// Words in one forward scan, in any script: the tokenizer's words (lib/text/tokenize.ts),
// normalised (NFKC, case folding), without their places.
import { tokens } from "./tokenize";

export function words(text: string): string[] {
  return tokens(text).map((t) => t.word);
}
