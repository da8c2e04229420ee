"use client";

import { createContext, useContext, useEffect, useState } from "react";
import { useSWRConfig } from "swr";

type Mode = { mode: string; reason: string };
type Live = { connected: boolean; mode: Mode };

const LiveContext = createContext<Live>({ connected: false, mode: { mode: "normal", reason: "" } });

export function useLive() {
  return useContext(LiveContext);
}

const prefixes: Record<string, string[]> = {
  job: ["/api/executor/tasks", "/api/tasks"],
  reflection: ["/api/reflections"],
};

/**
 * One EventSource per signed-in page: live events make SWR refetch what changed. While it
 * is down, the pages' own polling keeps them current.
 */
export function LiveEvents({ initialMode, children }: { initialMode: Mode; children: React.ReactNode }) {
  const { mutate } = useSWRConfig();
  const [connected, setConnected] = useState(false);
  const [mode, setMode] = useState<Mode>(initialMode);

  useEffect(() => {
    const source = new EventSource("/api/events");
    const refresh = (type: string) => () => {
      const wanted = prefixes[type] ?? [];
      void mutate((key) => typeof key === "string" && wanted.some((p) => key.startsWith(p)));
    };
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    source.addEventListener("job", refresh("job"));
    source.addEventListener("reflection", refresh("reflection"));
    source.addEventListener("mode", (e) => setMode(JSON.parse((e as MessageEvent).data) as Mode));
    return () => source.close();
  }, [mutate]);

  return <LiveContext.Provider value={{ connected, mode }}>{children}</LiveContext.Provider>;
}
