// What the parsers (html-text.ts, json-text.ts, pdf-text.ts) share. They run only inside the
// parsing child (child.ts), never in the web or worker process: a PDF can inflate to
// gigabytes and HTML can nest without end.
import type { ChildAnswer, ChildLimits } from "./protocol";

/** A refusal the child reports as such (the parent words the limits). */
export class Refused extends Error {
  constructor(
    readonly reason: Extract<ChildAnswer, { ok: false }>["reason"],
    message = "",
  ) {
    super(message);
  }
}

export function capText(text: string, limits: ChildLimits): string {
  if (Buffer.byteLength(text) > limits.maxTextBytes) throw new Refused("text");
  return text;
}

/** True for the errors V8 throws when an allocation fails (as it does under RLIMIT_DATA). */
export function isAllocationFailure(error: unknown): boolean {
  return error instanceof RangeError && /allocation failed|invalid (string|array|typed array) length|out of memory/i.test(error.message);
}
