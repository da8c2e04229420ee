"use client";

import { useLive } from "./live-events";

const text: Record<string, string> = {
  read_only: "Grace is read-only: you can look around, but changes are refused and background work is paused until an admin returns it to normal.",
  emergency: "Grace is in emergency mode: changes are refused and background work is stopped.",
};

export function ModeBanner() {
  const { mode } = useLive();
  if (mode.mode === "normal") return null;
  return (
    <div role="status" className={`px-6 py-2 text-sm font-medium ${mode.mode === "emergency" ? "bg-red-600 text-white" : "bg-amber-100 text-amber-900"}`}>
      {text[mode.mode] ?? `Grace is in ${mode.mode} mode.`}
      {mode.reason && <span className="font-normal"> Reason: {mode.reason}</span>}
    </div>
  );
}
