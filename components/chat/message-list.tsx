"use client";

import { useState } from "react";
import { TrustBadge } from "@/components/knowledge/trust-badge";
import { AnswerMarkdown, citationHref } from "./markdown";

export type Message = {
  id: number;
  role: string;
  content: string;
  /** The reader left while this answer streamed: it holds what was said until then. */
  interrupted?: boolean;
  citations: { n: number; artifact_id: number; chunk_id: number | null; title: string; url: string | null; trust_score: number; snippet?: string }[];
  /** Whether a cited source supports the answer (known for answers given in this session, or when the list carries it). */
  grounded?: boolean;
  /** How far the answer answered the question. */
  answer_status?: "answered" | "partial" | "unknown";
  engine?: "builtin" | "llm";
  /** The model failed and the built-in engine answered instead (known for answers given in this session). */
  fallback?: boolean;
};

export function MessageList({ messages, pending, partial }: { messages: Message[]; pending: string | null; partial: string }) {
  return (
    <ol className="space-y-4">
      {messages.map((m) => (
        <li key={m.id} className={m.role === "user" ? "flex justify-end" : ""}>
          {m.role === "user" ? (
            <p className="max-w-[80%] rounded-lg bg-indigo-600 px-4 py-2 text-sm whitespace-pre-wrap text-white">{m.content}</p>
          ) : (
            <Answer message={m} />
          )}
        </li>
      ))}
      {pending && (
        <>
          <li className="flex justify-end">
            <p className="max-w-[80%] rounded-lg bg-indigo-600 px-4 py-2 text-sm whitespace-pre-wrap text-white">{pending}</p>
          </li>
          <li aria-live="polite" aria-busy="true">
            {partial ? (
              <div className="max-w-[90%] rounded-lg bg-slate-50 px-4 py-3 text-sm ring-1 ring-slate-200">
                <AnswerMarkdown text={partial} />
              </div>
            ) : (
              <span className="text-sm text-slate-500">Grace is answering…</span>
            )}
          </li>
        </>
      )}
    </ol>
  );
}

function Answer({ message }: { message: Message }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="max-w-[90%] min-w-0 rounded-lg bg-slate-50 px-4 py-3 text-sm ring-1 ring-slate-200">
      {message.content ? <AnswerMarkdown text={message.content} citations={message.citations} /> : message.interrupted && <p className="text-slate-500 italic">Stopped before anything was said.</p>}
      {message.citations.length > 0 && (
        <ul aria-label="Sources" className="mt-3 flex flex-wrap gap-2">
          {message.citations.map((c) => (
            <li key={c.n}>
              <a
                href={citationHref(c)}
                className="inline-flex items-center gap-2 rounded-full bg-white px-2.5 py-1 text-xs ring-1 ring-slate-300 hover:ring-indigo-400"
                title={c.url ?? c.title}
              >
                <span className="font-semibold text-indigo-700">[{c.n}]</span>
                <span className="max-w-48 truncate">{c.title}</span>
                <TrustBadge score={c.trust_score} />
              </a>
            </li>
          ))}
        </ul>
      )}
      <div className="mt-2 flex items-center gap-3">
        <StatusBadge message={message} />
        {message.interrupted && (
          <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-800" title="The answer stopped when its reader left; this is what was said until then.">
            stopped
          </span>
        )}
        <EngineNote message={message} />
        <button
          className="text-xs text-slate-500 hover:text-slate-700"
          onClick={() => {
            void navigator.clipboard?.writeText(message.content).then(() => setCopied(true));
          }}
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
    </div>
  );
}

/** Which engine wrote the answer, said quietly: the built-in engine, the model, or the built-in engine standing in for a failed model. */
function EngineNote({ message }: { message: Message }) {
  if (!message.engine) return null;
  const [label, title] = message.fallback
    ? ["fallback", "The model did not answer; Grace's built-in engine answered instead."]
    : message.engine === "llm"
      ? ["model", "Written by the configured language model."]
      : ["built-in", "Written by Grace's built-in engine from your sources."];
  return (
    <span className="text-xs text-slate-500" title={title}>
      <span className="sr-only">Answered by: </span>
      {label}
    </span>
  );
}

/**
 * How far Grace can stand behind an answer, when it is not all the way: nothing in the reader's
 * sources answers it (a research goal was filed), only part of it, or a model wrote it citing no
 * source (small talk or the conversation itself). The built-in engine's small talk is canned
 * text, so it carries no note; nor does an answer its reader left.
 */
function StatusBadge({ message }: { message: Message }) {
  // An answer cut short says nothing about what the sources hold: "stopped" says it all.
  const badge = message.interrupted
    ? null
    : message.answer_status === "unknown"
      ? { label: "Not in your sources", title: "None of your sources supports this answer. Grace noted the question as a research goal: add a source about it and ask again." }
      : message.answer_status === "partial"
        ? { label: "Partly answered", title: "Your sources answer only part of this question. Grace noted it as a research goal." }
        : message.grounded === false && message.engine === "llm"
          ? { label: "Not based on your sources", title: "The model answered without citing any of your sources." }
          : null;
  if (!badge) return null;
  return (
    <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-slate-200" title={badge.title}>
      {badge.label}
    </span>
  );
}
