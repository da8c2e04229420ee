// The parsing child: `node --import tsx lib/parse/child.ts <kind> <maxTextBytes> <maxDepth>`,
// started by parse-untrusted.ts under prlimit. It reads one file from stdin and writes one
// JSON answer (protocol.ts) to stdout. Memory, CPU and time limits are the parent's job: when
// one is hit this process dies (SIGSEGV/SIGABRT on memory, SIGXCPU, SIGKILL) and the parent
// reads the signal. Nothing here may reach the database, the network or the settings.
import { isAllocationFailure, Refused } from "./refusal";
import { PARSE_KINDS, type ChildAnswer, type ChildLimits, type ParseKind } from "./protocol";

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// Each parser is imported only when needed: a child starts for every file, and pdf.js alone
// takes a noticeable part of its start.
async function extract(kind: ParseKind, bytes: Buffer, limits: ChildLimits): Promise<ChildAnswer> {
  if (kind === "pdf") return { ok: true, ...(await (await import("./pdf-text")).pdfText(bytes, limits)) };
  // The parent sends text formats as UTF-8, whatever the page's own charset was; a byte
  // order mark is dropped, as TextDecoder drops it for the text formats parsed in-process.
  const decoded = bytes.toString("utf8");
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  if (kind === "json") return { ok: true, text: (await import("./json-text")).jsonText(text, limits) };
  return { ok: true, ...(await import("./html-text")).htmlText(text, limits) };
}

async function main(): Promise<ChildAnswer> {
  const [kind, maxTextBytes, maxDepth] = process.argv.slice(2);
  if (!(PARSE_KINDS as readonly string[]).includes(kind)) throw new Error(`unknown kind ${kind}`);
  const limits = { maxTextBytes: Number(maxTextBytes), maxDepth: Number(maxDepth) };
  try {
    return await extract(kind as ParseKind, await readStdin(), limits);
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.reason, ...(error.message ? { message: error.message } : {}) };
    if (isAllocationFailure(error)) return { ok: false, reason: "memory" };
    throw error; // a bug, not a bad file: the stack goes to stderr, the parent logs it
  }
}

const answer = await main();
// Exit once the answer is flushed: pdf.js may leave timers behind.
process.stdout.write(JSON.stringify(answer), () => process.exit(0));
