// `npm run bench:answers`: does the built-in engine answer only what its sources state, cite the
// passage that states it, and say it does not know otherwise, in every language? The evaluation
// set lives in tests/fixtures/answers/: documents on invented subjects (no model can know them
// beforehand) and questions about them in four sets: tune (questions.json), holdout
// (questions.holdout.json, kept aside while tuning the engine), blind (questions.blind.json,
// written by a separate author who never read the engine; its failures have since been read)
// and blind2 (questions.blind2.json, written the same way and kept unseen: the report never
// lists its failing questions). Every document (all sets share them)
// is ingested into a fresh SQLite database as shared, approved knowledge; each question goes to
// `builtinReply`; the run is recorded in docs/benchmarks.md (record.ts).
//   --json               machine-readable results on stdout
//   --set tune|holdout|blind|blind2|all   which questions (default all; only a full run is recorded)
//   --no-record          leave docs/benchmarks.md alone
//   --note <text>        what was measured, when not the current engine ("engine at 093b814")
//   --engine builtin|llm  which engine answers (default builtin). llm: the model configured by
//                        GRACE_LLM_BASE_URL / GRACE_LLM_MODEL / GRACE_LLM_API_KEY, through the same
//                        honesty checks as chat (invented citations dropped, refusals → unknown);
//                        never recorded, since the numbers belong to that model, not to Grace
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadDocuments, loadQuestions, QUESTION_SETS, type AnswerQuestion, type QuestionSet } from "./answers/fixtures";
import { byLanguage, excerpt, gapsToEnglish, judge, LANG_NAMES, missedTargets, rateCells, rates, TARGETS, type Status, type Verdict } from "./answers/score";
import { recordRun } from "./record";

export type { AnswerQuestion } from "./answers/fixtures";

const args = process.argv.slice(2);
const asJson = args.includes("--json");
const setArg = args.includes("--set") ? args[args.indexOf("--set") + 1] : "all";
if (setArg !== "all" && !(QUESTION_SETS as readonly string[]).includes(setArg)) throw new Error(`--set must be ${QUESTION_SETS.join(", ")} or all, got ${setArg}`);
const sets: QuestionSet[] = setArg === "all" ? [...QUESTION_SETS] : [setArg as QuestionSet];
const note = args.includes("--note") ? args[args.indexOf("--note") + 1] : undefined;
const engine = args.includes("--engine") ? args[args.indexOf("--engine") + 1] : "builtin";
const record = !args.includes("--no-record") && setArg === "all" && engine === "builtin";
if (engine !== "builtin" && engine !== "llm") throw new Error(`--engine must be builtin or llm, got ${engine}`);
if (engine === "llm" && !process.env.GRACE_LLM_BASE_URL) throw new Error("--engine llm needs GRACE_LLM_BASE_URL (and GRACE_LLM_MODEL) pointing at a model");

const documents = loadDocuments();
const questions = sets.flatMap((set) => loadQuestions(set, documents).map((q) => ({ set, q })));
const seen = new Set<string>();
for (const { q } of questions) {
  if (seen.has(q.id)) throw new Error(`question id ${q.id} is used twice`);
  seen.add(q.id);
}

// A fresh database, named before any lib/ module reads the configuration.
const dir = mkdtempSync(path.join(os.tmpdir(), "grace-bench-answers-"));
const file = path.join(dir, "grace.db");
process.env.DATABASE_URL = `file:${file}`;
process.env.GRACE_DATA_DIR = dir;
const { migrate } = await import("../../lib/db/migrate");
await migrate({ provider: "sqlite", file });
const { db } = await import("../../lib/db/client");
const { ingestContent, ingestTextSchema } = await import("../../lib/knowledge/ingest-text");
const { builtinReply } = await import("../../lib/chat/builtin-engine");
const { llmReply } = await import("../../lib/chat/llm-engine");

const verdicts: Verdict[] = [];
const started = performance.now();
try {
  const user = await db.user.create({ data: { username: "answers-bench", passwordHash: "x" } });
  const fileOf = new Map<number, string>();
  for (const d of documents) {
    const input = ingestTextSchema.parse({ title: d.title, content: d.content, artifact_type: "document", domain: "answers" });
    // Text a user adds themself: shared, approved, trusted above the engine's low-trust line.
    const { artifact } = await ingestContent({ db, user, input, source: "manual", trustScore: 75 });
    fileOf.set(artifact.id, d.file);
  }
  for (const { set, q } of questions) verdicts.push(judge(q, set, await ask(q, user.id)));

  async function ask(q: AnswerQuestion, userId: number): Promise<{ status: Status; text: string; cited: string[] }> {
    try {
      const reply = engine === "llm" ? await drain(llmReply({ db, userId, message: q.question, history: [] })) : await builtinReply({ db, userId, message: q.question });
      return { status: reply.answerStatus, text: reply.text, cited: reply.citations.map((c) => fileOf.get(c.artifact_id) ?? `artifact ${c.artifact_id}`) };
    } catch (error) {
      return { status: "error", text: error instanceof Error ? error.message : String(error), cited: [] };
    }
  }
  async function drain<T>(stream: AsyncGenerator<string, T>): Promise<T> {
    for (;;) {
      const step = await stream.next();
      if (step.done) return step.value;
    }
  }
} finally {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
}
const seconds = Math.round((performance.now() - started) / 100) / 10;

const setName: Record<QuestionSet, string> = { tune: "tuning", holdout: "held out", blind: "blind held out (read, then tuned on)", blind2: "second blind held out" };
const groups = [...sets.map((s) => ({ label: setName[s], rates: rates(verdicts.filter((v) => v.set === s)) })), ...(sets.length > 1 ? [{ label: "all", rates: rates(verdicts) }] : [])];
const languages = byLanguage(verdicts);
const english = languages.find((l) => l.lang === "en")?.rates;
const langGaps = languages.filter((l) => l.lang !== "en" && english).map((l) => ({ lang: l.lang, gaps: gapsToEnglish(l.rates, english!) }));

if (asJson) {
  console.log(JSON.stringify({ seconds, sets: groups, languages: languages.map((l) => ({ ...l, gaps: langGaps.find((g) => g.lang === l.lang)?.gaps ?? [] })), results: verdicts }, null, 2));
} else {
  console.log(report());
}
if (record) {
  recordRun({
    heading: "## Answers (`npm run bench:answers`)",
    when: `${new Date().toISOString().slice(0, 10)}${note ? `, ${note}` : ""}`,
    report: report(),
    summary: (section) => /^Summary: (.+)$/m.exec(section)?.[1] ?? "see git history",
  });
}

function report(): string {
  const count = (xs: string[]) => [...xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>())].map(([k, n]) => `${k} ${n}`).join(", ");
  const header = "| questions | answered correctly | right citation | honest don't-know | false don't-know |";
  const rule = "|---:|---:|---:|---:|---:|";
  const all = rates(verdicts);
  const missed = [...groups.flatMap((g) => missedTargets(g.label, g.rates)), ...langGaps.flatMap((l) => l.gaps.map((g) => `${LANG_NAMES[l.lang]}: ${g.metric} ${g.points} points behind English (target within ${TARGETS.langGap})`))];
  const failing = (set: QuestionSet) => verdicts.filter((v) => v.set === set && !v.pass).map((v) => `- \`${v.id}\` (${v.lang}, ${v.kind}) ${v.question} — status ${v.status}; reply: "${excerpt(v.text)}" — ${v.reasons.join("; ")}`);
  const offSubject = verdicts.filter((v) => v.offSubject).length;
  const pctOf = (k: number, n: number) => (n ? `${((100 * k) / n).toFixed(1)} %` : "–");
  const reasonKinds = ["answered an unanswerable", "said don't know", "wrong citation", "did not cite every", "expected text missing", "only part of this question", "engine threw"];
  const reasonLabel: Record<string, string> = { "answered an unanswerable": "answered an unanswerable question", "said don't know": "said don't know to an answerable question", "wrong citation": "wrong citation", "did not cite every": "a conflict without every source cited", "expected text missing": "expected text missing", "only part of this question": "answered in full a question it can only answer in part", "engine threw": "the engine threw" };
  const reasonRows = reasonKinds
    .map((k) => ({ k, n: sets.map((set) => verdicts.filter((v) => v.set === set && v.reasons.some((r) => r.startsWith(k) || r.includes(k))).length) }))
    .filter((r) => r.n.some((n) => n > 0))
    .map((r) => `| ${reasonLabel[r.k]} | ${r.n.join(" | ")} |`);
  return `
The evaluation set in \`tests/fixtures/answers/\`: ${documents.length} documents on invented subjects, so no engine or model knows them beforehand (${count(documents.map((d) => d.lang))}), and ${verdicts.length} questions (${count(verdicts.map((v) => v.kind))}; ${count(verdicts.map((v) => v.lang))}). Unanswerable questions are near misses: the subject is in the documents, the attribute asked is not. Each question goes to the built-in engine (\`builtinReply\`${note ? `, ${note}` : ""}) in process, over a fresh SQLite database holding only these documents (shared, trust 75); ${seconds} s for the run. Three sets are held out: \`questions.holdout.json\`, kept aside while the engine is tuned; \`questions.blind.json\` (with the \`*-blind-*\` documents), written on 2026-12-01 by a separate author who never read the engine, whose failures were then read and tuned on; and \`questions.blind2.json\` (with the \`*-blind2-*\` documents), written the same way and never read: its failures are not listed here, so that it stays a measure of questions the engine has not seen.

Answered correctly: an expected text appears in the reply (a conflict: every disagreeing value, each source cited; a multi-part question: status partial). Right citation: a cited document holds the fact. Honest don't-know: an unanswerable question gets status unknown. False don't-know: an answerable one gets status unknown. Targets: right citation ≥ ${TARGETS.rightCitation} %, honest don't-know ≥ ${TARGETS.honest} %, false don't-know ≤ ${TARGETS.falseDontKnow} %, every language within ${TARGETS.langGap} points of English.

| set ${header}
|---${rule}
${groups.map((g) => `| ${g.label} | ${rateCells(g.rates).join(" | ")} |`).join("\n")}

By language (${sets.length > 1 ? "all sets" : setName[sets[0]]}):

| language ${header}
|---${rule}
${languages.map((l) => `| ${LANG_NAMES[l.lang]} | ${rateCells(l.rates).join(" | ")} |`).join("\n")}

Summary: answered correctly ${pctOf(all.correct, all.answerBearing)}, right citation ${pctOf(all.rightCitation, all.answerBearing)}, honest don't-know ${pctOf(all.honest, all.unanswerable)}, false don't-know ${pctOf(all.falseDontKnow, all.answerBearing)} (${all.n} questions; ${verdicts.filter((v) => !v.pass).length} failing${note ? `; ${note}` : ""})

${reasonRows.length ? `Why questions fail (a question can fail for more than one reason):\n\n| reason | ${sets.map((set) => setName[set]).join(" | ")} |\n|---|${sets.map(() => "---:").join("|")}|\n${reasonRows.join("\n")}\n\n` : ""}${missed.length ? `Targets missed:\n${missed.map((m) => `- ${m}`).join("\n")}` : "Every target is met."}
${offSubject ? `\n${offSubject} honest don't-know repl${offSubject === 1 ? "y cites" : "ies cite"} a document other than the question's near subject (not a failure).\n` : ""}${sets.includes("tune") ? `\n### Failing questions (tuning set)\n\n${failing("tune").join("\n") || "None."}\n` : ""}${sets.includes("holdout") ? `\n### Held-out failures\n\n${failing("holdout").join("\n") || "None."}\n` : ""}${sets.includes("blind") ? `\n### Blind held-out failures\n\n${failing("blind").join("\n") || "None."}\n` : ""}`;
}
