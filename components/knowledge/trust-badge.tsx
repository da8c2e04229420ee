export function TrustBadge({ score }: { score: number }) {
  const [label, style] =
    score >= 70 ? ["trusted", "bg-emerald-50 text-emerald-700 ring-emerald-200"] : score >= 40 ? ["review", "bg-amber-50 text-amber-800 ring-amber-200"] : ["untrusted", "bg-red-50 text-red-700 ring-red-200"];
  return (
    <span className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs ring-1 ${style}`} title={`Trust score ${score} of 100`}>
      {label} · {Math.round(score)}
    </span>
  );
}
