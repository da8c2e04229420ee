// The answers evaluation set (tests/fixtures/answers/): invented documents and the questions
// asked about them, checked for shape and for expected answers the documents really hold.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const LANGS = ["en", "es", "fr", "de", "ru", "ar", "zh", "ja"] as const;
export type Lang = (typeof LANGS)[number];
export const KINDS = ["answerable", "unanswerable", "partial", "conflict"] as const;
export type Kind = (typeof KINDS)[number];
/**
 * tune: read while tuning; holdout: kept aside by the engine's author; blind, blind2: written by a
 * separate author who never read the engine (blind's failures were then read and tuned on, so
 * blind2 is the one still unseen).
 */
export const QUESTION_SETS = ["tune", "holdout", "blind", "blind2"] as const;
export type QuestionSet = (typeof QUESTION_SETS)[number];
const QUESTION_FILES: Record<QuestionSet, string> = { tune: "questions.json", holdout: "questions.holdout.json", blind: "questions.blind.json", blind2: "questions.blind2.json" };

export type AnswerQuestion = {
  id: string;
  lang: Lang;
  question: string;
  kind: Kind;
  /** answerable/partial/conflict: one of these must appear in the reply (NFKC + lowercase); conflict: all of them. */
  expect?: string[];
  /** The document files that hold the fact (conflict: every disagreeing one). */
  sources?: string[];
  /** unanswerable: the document about the near subject; otherwise sources[0]. */
  about: string;
  note?: string;
};

export type Document = { file: string; lang: Lang; title: string; content: string };

export const FIXTURES = fileURLToPath(new URL("../../../tests/fixtures/answers", import.meta.url));

/** Comparison form of reply text and expected strings. */
export const fold = (s: string) => s.normalize("NFKC").toLowerCase();

export function loadDocuments(dir = path.join(FIXTURES, "documents")): Document[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((file) => {
      const lang = file.split("-")[0] as Lang;
      if (!LANGS.includes(lang)) throw new Error(`${file}: the name must start with a language code (${LANGS.join(", ")})`);
      const content = readFileSync(path.join(dir, file), "utf8");
      const heading = /^#\s+(.+)$/m.exec(content)?.[1].trim();
      return { file, lang, title: heading ?? file.replace(/^[a-z]{2}-/, "").replace(/\.md$/, ""), content };
    });
}

export function loadQuestions(set: QuestionSet, documents: Document[]): AnswerQuestion[] {
  const file = path.join(FIXTURES, QUESTION_FILES[set]);
  const questions = JSON.parse(readFileSync(file, "utf8")) as AnswerQuestion[];
  const byFile = new Map(documents.map((d) => [d.file, fold(d.content)]));
  for (const q of questions) {
    const where = `${path.basename(file)} ${q.id}`;
    if (!LANGS.includes(q.lang)) throw new Error(`${where}: unknown lang ${q.lang}`);
    if (!KINDS.includes(q.kind)) throw new Error(`${where}: unknown kind ${q.kind}`);
    if (!byFile.has(q.about)) throw new Error(`${where}: about names no document (${q.about})`);
    if (q.kind === "unanswerable") continue;
    if (!q.expect?.length || !q.sources?.length) throw new Error(`${where}: ${q.kind} needs expect and sources`);
    for (const s of q.sources) if (!byFile.has(s)) throw new Error(`${where}: source ${s} is not a document`);
    if (q.kind === "conflict" && q.sources.length < 2) throw new Error(`${where}: a conflict names every disagreeing source`);
    // An expected answer the sources do not hold would fail whatever the engine did.
    const texts = q.sources.map((s) => byFile.get(s)!);
    const held = (e: string) => texts.some((t) => t.includes(fold(e)));
    if (q.kind === "conflict" ? !q.expect.every(held) : !q.expect.some(held)) throw new Error(`${where}: expected text not found in ${q.sources.join(", ")}`);
  }
  return questions;
}
