const DETAIL = /^([\s\S]*?) \(technical detail: ([^]*)\)$/;

/** "plain words (technical detail: CODE)" → its two parts (lib/net/safe-fetch.ts withDetail). */
export function splitDetail(message: string): { text: string; detail: string | null } {
  const m = DETAIL.exec(message);
  return m ? { text: m[1], detail: m[2] } : { text: message, detail: null };
}

/** An error in plain words, with its technical detail, when it has one, on a quieter line below. */
export function ErrorText({ message, className = "" }: { message: string; className?: string }) {
  const { text, detail } = splitDetail(message);
  // "the address could not be found" opens a sentence; "http://…" stays as it is.
  const plain = /^[a-z]+:\/\//.test(text) ? text : text.charAt(0).toUpperCase() + text.slice(1);
  return (
    <span className={className}>
      <span className="block">{/[.!?]$/.test(plain) ? plain : `${plain}.`}</span>
      {detail && <span className="mt-0.5 block font-mono text-xs break-all opacity-80">Technical detail: {detail}</span>}
    </span>
  );
}
