/** `value` null: indeterminate (work whose length is unknown, like a fetch). */
export function ProgressBar({ value, label, tone = "indigo" }: { value: number | null; label: string; tone?: "indigo" | "emerald" | "red" | "slate" }) {
  const color = { indigo: "bg-indigo-500", emerald: "bg-emerald-500", red: "bg-red-500", slate: "bg-slate-400" }[tone];
  if (value === null) {
    return (
      <div role="progressbar" aria-label={label} aria-valuetext="working" className="h-2 w-full overflow-hidden rounded-full bg-slate-100">
        <div className={`h-full w-1/3 rounded-full ${color} motion-safe:animate-indeterminate motion-reduce:w-full motion-reduce:opacity-50`} />
      </div>
    );
  }
  const pct = Math.max(0, Math.min(100, value));
  return (
    <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} className="h-2 w-full overflow-hidden rounded-full bg-slate-100">
      <div className={`h-full rounded-full ${color} transition-[width] duration-500`} style={{ width: `${pct}%` }} />
    </div>
  );
}
