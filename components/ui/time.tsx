"use client";

import { useSyncExternalStore } from "react";
import { exactLocal, exactUtc, relativeTime } from "./time-format";

// One clock for every <Time> on the page, read in 15-second steps so that all of them agree and
// re-render together (and only while some are mounted).
const STEP_MS = 15_000;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  timer ??= setInterval(() => listeners.forEach((l) => l()), STEP_MS);
  return () => {
    listeners.delete(listener);
    if (!listeners.size) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const clientNow = () => Math.floor(Date.now() / STEP_MS) * STEP_MS;
// The server knows neither the viewer's clock nor their time zone; hydration starts from this too.
const serverNow = () => null;

/**
 * Now, on the client, in 15-second steps; null while rendering on the server and hydrating.
 * For views that group or compare by time (e.g. "Today", "Yesterday").
 */
export function useNow(): number | null {
  return useSyncExternalStore(subscribe, clientNow, serverNow);
}

/**
 * A moment as Grace shows it everywhere: "3 min ago", with the exact time in UTC and in the
 * viewer's time zone on hover. The server (and the first client render, which must match it)
 * shows the UTC minute; the browser then switches to relative time in its own time zone.
 */
export function Time({ value, className }: { value: string | number | Date; className?: string }) {
  const now = useNow();
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return <span className={className}>unknown time</span>;
  return (
    <time dateTime={date.toISOString()} title={now === null ? exactUtc(date) : `${exactUtc(date)}\n${exactLocal(date)}`} className={className}>
      {now === null ? exactUtc(date, { seconds: false }) : relativeTime(date, new Date(now))}
    </time>
  );
}
