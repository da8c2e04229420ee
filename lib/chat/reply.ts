// What a reply engine returns, whichever engine answered: the text, the sources it cites and
// how far it answered the question, so the turn is stored, audited and followed up (a research
// goal for what it could not answer) the same way for both.

export type Citation = { n: number; artifact_id: number; chunk_id: number; title: string; url: string | null; path: string; trust_score: number; snippet: string; /** retrieval relevance */ score: number };

/**
 * answered: every part of the question has a cited answer (or it needed none: small talk);
 * partial: some part has one and some part has not; unknown: no source answers it.
 */
export type AnswerStatus = "answered" | "partial" | "unknown";

export type Reply = {
  text: string;
  citations: Citation[];
  grounded: boolean;
  intent: import("./intents").Intent;
  outcome: "answered" | "small_talk" | "unhandled";
  answerStatus: AnswerStatus;
  /** What the reply could not answer, when partial or unknown: the research goal is filed for it. */
  unanswered?: string;
  engine: "builtin" | "llm";
  /** The LLM failed or was too slow, and the built-in engine answered instead. */
  fallback?: boolean;
  /** The reader left before the answer was complete: `text` is what was produced until then. */
  interrupted?: boolean;
};
