"use client";

import { useState } from "react";
import useSWR from "swr";
import { fetchJson } from "@/components/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { MessageList, type Message } from "./message-list";
import { streamChat } from "./stream-chat";

type Conversation = { id: number; title: string; updated_at: string };

export function ChatWorkspace() {
  const list = useSWR<{ items: Conversation[] }>("/api/chat/conversations?limit=50", (url: string) => fetchJson<{ items: Conversation[] }>(url));
  const [active, setActive] = useState<number | null>(null);
  const thread = useSWR<{ items: Message[] }>(active ? `/api/chat/conversations/${active}/messages?limit=100` : null, (url: string) => fetchJson<{ items: Message[] }>(url));
  const [pending, setPending] = useState<string | null>(null);
  const [partial, setPartial] = useState("");
  const [error, setError] = useState<{ message: string; failed: string } | null>(null);
  const [draft, setDraft] = useState("");
  // How far each answer given in this session stands on the sources, by message id: the
  // conversation's message list does not carry it, the turn's final event does.
  const [statuses, setStatuses] = useState<Record<number, Pick<Message, "grounded" | "answer_status" | "engine">>>({});

  async function send(text: string) {
    const message = text.trim();
    if (!message || pending) return;
    setPending(message);
    setPartial("");
    setError(null);
    setDraft("");
    try {
      const turn = await streamChat({ message, ...(active ? { conversation_id: active } : {}) }, (text) => setPartial((p) => p + text));
      setStatuses((all) => ({ ...all, [turn.message_id]: { grounded: turn.grounded, answer_status: turn.answer_status, engine: turn.engine } }));
      setActive(turn.conversation_id);
      await Promise.all([list.mutate(), thread.mutate()]);
    } catch (e) {
      setError({ message: (e as Error).message, failed: message });
      setDraft(message); // nothing is lost: edit it, or retry as it was
    } finally {
      setPending(null);
      setPartial("");
    }
  }

  const messages = (active ? (thread.data?.items ?? []) : []).map((m) => (statuses[m.id] ? { ...statuses[m.id], ...m } : m));
  return (
    <div className="grid h-[calc(100vh-4rem)] gap-6 lg:grid-cols-[16rem_1fr]">
      <aside aria-label="Conversations" className="flex min-h-0 flex-col rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        <div className="border-b border-slate-200 p-3">
          <Button className="w-full" onClick={() => setActive(null)}>
            New conversation
          </Button>
        </div>
        <ul className="min-h-0 flex-1 overflow-y-auto p-2">
          {list.data?.items.length === 0 && <li className="px-2 py-4 text-sm text-slate-500">No conversations yet.</li>}
          {list.data?.items.map((c) => (
            <li key={c.id}>
              <button
                onClick={() => setActive(c.id)}
                aria-current={active === c.id ? "true" : undefined}
                className={`w-full truncate rounded-md px-3 py-2 text-left text-sm ${active === c.id ? "bg-indigo-50 text-indigo-700" : "text-slate-700 hover:bg-slate-100"}`}
              >
                {c.title}
              </button>
            </li>
          ))}
        </ul>
      </aside>
      <section aria-label="Conversation" className="flex min-h-0 flex-col rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        <div className="min-h-0 flex-1 overflow-y-auto p-5">
          {messages.length === 0 && !pending ? (
            <div className="mx-auto mt-16 max-w-md text-center text-sm text-slate-500">
              <p className="text-base font-medium text-slate-700">Ask about your knowledge</p>
              <p className="mt-1">Answers come from the sources on the Knowledge page, each claim numbered with its source and how far to trust it.</p>
            </div>
          ) : (
            <MessageList messages={messages} pending={pending} partial={partial} />
          )}
        </div>
        {error && (
          <div className="flex items-start gap-2 px-5 pb-2">
            <div className="flex-1">
              <Alert>{error.message}</Alert>
            </div>
            <Button variant="secondary" onClick={() => void send(error.failed)}>
              Retry
            </Button>
          </div>
        )}
        <form
          className="flex gap-2 border-t border-slate-200 p-3"
          onSubmit={(e) => {
            e.preventDefault();
            void send(draft);
          }}
        >
          <label htmlFor="chat-input" className="sr-only">
            Message
          </label>
          <textarea
            id="chat-input"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && !e.shiftKey) {
                e.preventDefault();
                void send(draft);
              }
            }}
            rows={2}
            maxLength={8000}
            placeholder="Ask a question… (Enter to send, Shift+Enter for a new line)"
            className="min-w-0 flex-1 resize-none rounded-md px-3 py-2 text-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-indigo-600"
          />
          <Button type="submit" disabled={!draft.trim() || Boolean(pending)}>
            {pending ? "Thinking…" : "Send"}
          </Button>
        </form>
      </section>
    </div>
  );
}
