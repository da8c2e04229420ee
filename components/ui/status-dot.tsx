export function StatusDot({ status }: { status: string }) {
  const color = status === "ok" ? "bg-emerald-500" : status === "degraded" ? "bg-amber-500" : "bg-red-500";
  return <span aria-hidden className={`inline-block h-2.5 w-2.5 rounded-full ${color}`} />;
}
