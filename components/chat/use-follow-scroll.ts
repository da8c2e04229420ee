"use client";

import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from "react";

// How close to the end (px) still counts as reading the newest message.
const NEAR_END = 48;

/**
 * Keeps a scrolling pane at its end while content arrives — unless the reader scrolled up to
 * read, then `away` is true (for a "Jump to latest" button) until they come back down or jump.
 * `open` changing to a conversation (its messages loaded) starts it at its end.
 */
export function useFollowScroll(ref: RefObject<HTMLDivElement | null>, o: { open: number | null; content: unknown[] }) {
  const following = useRef(true);
  const [away, setAway] = useState(false);
  const [opened, setOpened] = useState(o.open);
  if (opened !== o.open) {
    setOpened(o.open);
    setAway(false);
  }

  const toEnd = useCallback((behavior: ScrollBehavior = "instant") => {
    const el = ref.current;
    if (el) el.scrollTo({ top: el.scrollHeight, behavior });
  }, [ref]);

  const onScroll = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    following.current = el.scrollHeight - el.scrollTop - el.clientHeight <= NEAR_END;
    setAway(!following.current);
  }, [ref]);

  // A conversation opens at its end.
  useLayoutEffect(() => {
    following.current = true;
    toEnd();
  }, [o.open, toEnd]);

  // New content: follow it if the reader is at the end.
  useLayoutEffect(() => {
    if (following.current) toEnd();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the content itself is the trigger
  }, o.content);

  /** Follow from now on (the reader sent a message). */
  const follow = useCallback(() => {
    following.current = true;
    setAway(false);
    toEnd();
  }, [toEnd]);

  const jump = useCallback(() => {
    following.current = true;
    setAway(false);
    toEnd("smooth");
  }, [toEnd]);

  return { onScroll, away, follow, jump };
}
