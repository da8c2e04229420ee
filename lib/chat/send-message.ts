import { z } from "zod";
import { db as defaultDb, type Db } from "../db/client";
import { ForbiddenError, NotFoundError } from "../errors";
import { writeTransaction } from "../db/transaction";
import { MAX_ID } from "../db/ids";
import { config } from "../config";
import { recordFindings, scan } from "../hunter/scan";
import type { Reply } from "./builtin-engine";
import { generateReply } from "./generate-reply";
import { writeTurn } from "./turn-writer";

export function maxMessageChars(): number {
  return config.maxMessageChars;
}

export const chatBody = z.object({
  message: z
    .string()
    .trim()
    .min(1, "is required")
    .superRefine((m, ctx) => {
      if (m.length > maxMessageChars()) ctx.addIssue({ code: "custom", message: `must be at most ${maxMessageChars()} characters` });
    }),
  conversation_id: z.number().int("must be a conversation id").positive("must be a conversation id").max(MAX_ID, "must be a conversation id").optional(),
});

type TurnOptions = {
  user: { id: number; username: string };
  message: string;
  conversationId?: number;
  /** Aborts when the reader leaves: the answer stops there and the turn is saved so far, interrupted. */
  signal?: AbortSignal;
  db?: Db;
};

/**
 * One chat turn, streamed: yields the answer's text as the engine produces it, then stores
 * both messages, their citations, a causal event linking them, a research goal when nothing
 * was known, and the audit entry in one transaction — all of it or none (save-turns.ts,
 * committed together with concurrent turns by turn-writer.ts). A reader who leaves midway
 * (`signal`) stops the engine; what it had said is still saved, marked interrupted.
 */
export async function* chatTurn(o: TurnOptions) {
  const db = o.db ?? defaultDb;
  if (o.conversationId !== undefined) {
    const owned = await db.conversation.findFirst({ where: { id: o.conversationId, userId: o.user.id }, select: { id: true } });
    if (!owned) throw new NotFoundError("conversation");
  }
  const history = o.conversationId
    ? (await db.chatMessage.findMany({ where: { conversationId: o.conversationId }, orderBy: { id: "desc" }, take: 6, select: { role: true, content: true } })).reverse()
    : [];
  // The security scanner sees the message first: a blocking finding refuses the turn (and is
  // recorded); other findings are stored with the turn.
  const scanInput = { target: "chat" as const, text: o.message, user: o.user };
  const findings = await scan(scanInput);
  const blocking = findings.filter((f) => f.action === "block");
  if (blocking.length) {
    await writeTransaction((tx) => recordFindings({ tx, findings, input: scanInput, resource: `user:${o.user.id}`, blocked: true }), db);
    throw new ForbiddenError(`This message was blocked by the security rule "${blocking[0].rule}"`);
  }
  const started = performance.now();
  const reply: Reply = yield* generateReply({ db, userId: o.user.id, message: o.message, history, signal: o.signal });
  const latencyMs = Math.round(performance.now() - started);
  return writeTurn({ turn: { user: o.user, message: o.message, conversationId: o.conversationId, reply, latencyMs, findings }, db });
}

/** The same turn for callers that want the whole answer at once. */
export async function sendMessage(o: TurnOptions) {
  const turn = chatTurn(o);
  for (;;) {
    const step = await turn.next();
    if (step.done) return step.value;
  }
}
