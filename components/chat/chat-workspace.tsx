"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import useSWR, { useSWRConfig } from "swr";
import useSWRInfinite from "swr/infinite";
import { ApiRequestError, fetchJson } from "@/components/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConversationList, type Conversation } from "./conversation-list";
import { MessageList, type Message } from "./message-list";
import { streamChat } from "./stream-chat";
import { useFollowScroll } from "./use-follow-scroll";

type Page = { items: Conversation[]; next_cursor: string | null };
type Thread = { items: Message[] };

/** The conversation the address names: /chat/:id, or null for /chat (a new one). */
function conversationIn(pathname: string | null): number | null {
  const match = /^\/chat\/([1-9]\d{0,14})\/?$/.exec(pathname ?? "");
  return match ? Number(match[1]) : null;
}

const threadKey = (id: number) => `/api/chat/conversations/${id}/messages?limit=100`;

/** Every message of a conversation (page after page), oldest first. */
async function fetchThread(url: string): Promise<Thread> {
  const items: Message[] = [];
  let next: string | null = null;
  do {
    const page: { items: Message[]; next_cursor: string | null } = await fetchJson(next ? `${url}&cursor=${next}` : url);
    items.push(...page.items);
    next = page.next_cursor;
  } while (next && items.length < 2000);
  return { items };
}

const isTyping = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

export function ChatWorkspace() {
  const pathname = usePathname();
  const router = useRouter();
  const active = conversationIn(pathname);
  const { mutate: mutateKey } = useSWRConfig();

  const [query, setQuery] = useState("");
  const [searched, setSearched] = useState("");
  useEffect(() => {
    const t = setTimeout(() => setSearched(query.trim()), 250);
    return () => clearTimeout(t);
  }, [query]);
  const list = useSWRInfinite<Page>(
    (i, previous: Page | null) => (previous && !previous.next_cursor ? null : `/api/chat/conversations?limit=50${searched ? `&q=${encodeURIComponent(searched)}` : ""}${previous ? `&cursor=${previous.next_cursor}` : ""}`),
    (url: string) => fetchJson<Page>(url),
  );
  const thread = useSWR<Thread>(active ? threadKey(active) : null, fetchThread);

  // The question being answered, and the conversation it was asked in (null: a new one).
  const [pending, setPending] = useState<string | null>(null);
  const [pendingIn, setPendingIn] = useState<number | null>(null);
  // Where the reader is now, for code that runs after an answer arrives.
  const here = useRef(active);
  useEffect(() => {
    here.current = active;
  }, [active]);
  const [partial, setPartial] = useState("");
  const [error, setError] = useState<{ message: string; failed: string } | null>(null);
  const [draft, setDraft] = useState("");
  const [listOpen, setListOpen] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const streaming = useRef<AbortController | null>(null);
  const messages = active ? (thread.data?.items ?? []) : [];
  const pane = useRef<HTMLDivElement>(null);
  // The streaming answer shows in the conversation it belongs to (the reader may look at another meanwhile).
  const asking = pending !== null && pendingIn === active ? pending : null;
  const scroll = useFollowScroll(pane, { open: active !== null && thread.data ? active : null, content: [messages.length, asking, partial] });

  const focusInput = useCallback(() => input.current?.focus(), []);
  useEffect(() => {
    // Focus is in the input when the page opens or another conversation does — except on touch
    // screens, where that would pull up the keyboard over what the reader came to see.
    if (!window.matchMedia("(pointer: coarse)").matches) focusInput();
  }, [active, focusInput]);
  // The phone's list drawer closes once a conversation is picked.
  const [shown, setShown] = useState(active);
  if (shown !== active) {
    setShown(active);
    setListOpen(false);
  }

  const [stopping, setStopping] = useState(false);
  const stop = useCallback(() => {
    if (!streaming.current || streaming.current.signal.aborted) return;
    streaming.current.abort();
    setStopping(true);
  }, []);
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key === "Escape" && streaming.current) {
        e.preventDefault();
        stop();
      } else if (e.key === "Escape") {
        setListOpen(false); // the phone's list drawer
      } else if ((e.key === "/" && !isTyping(e.target) && !e.ctrlKey && !e.metaKey && !e.altKey) || ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "k")) {
        e.preventDefault();
        focusInput();
      }
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [stop, focusInput]);

  async function send(text: string) {
    const message = text.trim();
    if (!message || pending) return;
    const controller = new AbortController();
    streaming.current = controller;
    const conversationId = active;
    // The newest conversation before this turn: if the reader stops a new one, the saved turn is the next.
    const newestBefore = conversationId ? null : fetchJson<Page>("/api/chat/conversations?limit=1").then((p) => p.items[0]?.id ?? 0, () => 0);
    scroll.follow();
    setPending(message);
    setPendingIn(conversationId);
    setPartial("");
    setError(null);
    setDraft("");
    try {
      const turn = await streamChat({ message, ...(conversationId ? { conversation_id: conversationId } : {}) }, (t) => setPartial((p) => p + t), controller.signal);
      await show(turn.conversation_id, conversationId);
    } catch (e) {
      if (controller.signal.aborted) {
        // Stopped: the server saves the turn as far as it got, a moment later. Show it when it is there.
        const saved = await awaitStoppedTurn(conversationId, newestBefore, message);
        if (saved) await show(saved, conversationId);
        else setDraft(message);
        focusInput();
      } else {
        setError({ message: (e as Error).message, failed: message });
        setDraft(message); // nothing is lost: edit it, or retry as it was
      }
    } finally {
      streaming.current = null;
      setStopping(false);
      setPending(null);
      setPartial("");
    }
  }

  /** Loads the conversation's messages, then gives a new conversation its address. */
  async function show(id: number, before: number | null) {
    await Promise.all([mutateKey(threadKey(id), fetchThread(threadKey(id)), { revalidate: false }), list.mutate()]);
    // A new conversation gets its address — if the reader is still looking at it.
    if (before !== id && here.current === before) router.replace(`/chat/${id}`, { scroll: false });
  }

  async function awaitStoppedTurn(conversationId: number | null, newestBefore: Promise<number> | null, message: string): Promise<number | null> {
    const known = conversationId ? (thread.data?.items.length ?? 0) : 0;
    for (let i = 0; i < 10; i++) {
      await new Promise((r) => setTimeout(r, 400));
      try {
        if (conversationId) {
          if ((await fetchThread(threadKey(conversationId))).items.length > known) return conversationId;
        } else {
          const [after, before] = await Promise.all([fetchJson<Page>("/api/chat/conversations?limit=5"), newestBefore!]);
          const saved = after.items.find((c) => c.id > before && message.startsWith(c.title.slice(0, 40)));
          if (saved) return saved.id;
        }
      } catch {
        // Try again, then give up: the question goes back to the input.
      }
    }
    return null;
  }

  function lastQuestion(): string | null {
    for (let i = messages.length - 1; i >= 0; i--) if (messages[i].role === "user") return messages[i].content;
    return null;
  }

  const notFound = thread.error instanceof ApiRequestError && thread.error.status === 404;
  const title = active ? (list.data?.flatMap((p) => p.items).find((c) => c.id === active)?.title ?? "Conversation") : "New conversation";
  return (
    <div className="grid h-main min-h-[20rem] gap-4 lg:grid-cols-[17rem_1fr] lg:gap-6">
      <aside
        aria-label="Conversations"
        className={`${listOpen ? "flex" : "hidden"} min-h-0 flex-col rounded-lg bg-white shadow-sm ring-1 ring-slate-200 max-lg:fixed max-lg:inset-x-2 max-lg:top-2 max-lg:bottom-2 max-lg:z-40 lg:flex`}
      >
        <div className="flex gap-2 p-3">
          <Link
            href="/chat"
            className="inline-flex min-h-10 flex-1 items-center justify-center rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-500"
            onClick={() => setListOpen(false)}
          >
            New conversation
          </Link>
          <Button variant="secondary" className="min-h-10 lg:hidden" onClick={() => setListOpen(false)}>
            Close
          </Button>
        </div>
        <ConversationList
          list={list}
          active={active}
          query={query}
          onQuery={setQuery}
          onDeleted={(id) => {
            if (id === active) router.push("/chat");
          }}
        />
      </aside>
      <section aria-label="Conversation" className="relative flex min-h-0 min-w-0 flex-col rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        <header className="flex items-center gap-2 border-b border-slate-200 px-3 py-2">
          <Button variant="secondary" className="min-h-10 lg:hidden" aria-expanded={listOpen} onClick={() => setListOpen(true)}>
            Conversations
          </Button>
          <h2 className="min-w-0 flex-1 truncate px-2 text-sm font-medium text-slate-700">{title}</h2>
          {active && (
            <Link href="/chat" className="inline-flex min-h-10 items-center rounded-md px-3 text-sm text-indigo-700 hover:bg-indigo-50 lg:hidden">
              New
            </Link>
          )}
        </header>
        <div ref={pane} onScroll={scroll.onScroll} className="min-h-0 flex-1 overflow-y-auto p-3 sm:p-5">
          {notFound ? (
            <div className="mx-auto mt-16 max-w-md text-center text-sm text-slate-500">
              <p className="text-base font-medium text-slate-700">This conversation could not be found</p>
              <p className="mt-1">
                It may have been deleted. <Link href="/chat" className="text-indigo-700 underline">Start a new conversation</Link>.
              </p>
            </div>
          ) : messages.length === 0 && !asking ? (
            active && !thread.data ? (
              <p className="text-sm text-slate-500">Loading…</p>
            ) : (
              <div className="mx-auto mt-16 max-w-md text-center text-sm text-slate-500">
                <p className="text-base font-medium text-slate-700">Ask about your knowledge</p>
                <p className="mt-1">Answers come from the sources on the Knowledge page, each claim numbered with its source and how far to trust it.</p>
                <p className="mt-3 text-xs text-slate-500">
                  <kbd>Enter</kbd> sends, <kbd>Shift</kbd>+<kbd>Enter</kbd> starts a new line · <kbd>/</kbd> or <kbd>Ctrl</kbd>+<kbd>K</kbd> to type · <kbd>↑</kbd> for your last question · <kbd>Esc</kbd> stops an answer
                </p>
              </div>
            )
          ) : (
            <MessageList messages={messages} pending={asking} partial={partial} />
          )}
        </div>
        {scroll.away && (messages.length > 0 || asking) && (
          <button
            type="button"
            onClick={scroll.jump}
            className="absolute bottom-24 left-1/2 z-10 min-h-10 -translate-x-1/2 rounded-full bg-white px-4 py-2 text-sm font-medium text-indigo-700 shadow-md ring-1 ring-slate-300 hover:bg-indigo-50"
          >
            Jump to latest ↓
          </button>
        )}
        {error && (
          <div className="flex items-start gap-2 px-3 pb-2 sm:px-5">
            <div className="flex-1">
              <Alert>{error.message}</Alert>
            </div>
            <Button variant="secondary" onClick={() => void send(error.failed)}>
              Retry
            </Button>
          </div>
        )}
        <form
          className="flex gap-2 border-t border-slate-200 p-2 sm:p-3"
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
            ref={input}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
                e.preventDefault();
                void send(draft);
              } else if (e.key === "ArrowUp" && draft === "") {
                // The last question back, to send again as a new turn (the log itself never changes).
                const last = lastQuestion();
                if (last) {
                  e.preventDefault();
                  setDraft(last);
                }
              }
            }}
            rows={2}
            maxLength={8000}
            placeholder="Ask a question…"
            aria-keyshortcuts="/ Control+K"
            className="min-w-0 flex-1 resize-none rounded-md px-3 py-2 text-base ring-1 ring-slate-300 focus:ring-2 focus:ring-indigo-600 focus:outline-none sm:text-sm"
          />
          {pending ? (
            <Button type="button" variant="secondary" className="min-h-10" onClick={stop} disabled={stopping} aria-keyshortcuts="Escape">
              {stopping ? "Stopping…" : "Stop"}
            </Button>
          ) : (
            <Button type="submit" className="min-h-10" disabled={!draft.trim()}>
              Send
            </Button>
          )}
        </form>
      </section>
    </div>
  );
}
