// POST /api/evaluation/evaluate re-scores the last hour's causal events from what is known
// now: the answer's grounding measured again with its sources' current trust, whether it reached
// the reader, and whether the person asked the same thing again.
import { describe, expect, it } from "vitest";
import * as evaluate from "../../app/api/evaluation/evaluate/route";
import { indexTerms } from "../../lib/text/tokenize";
import { call, createUser, db, tokenFor } from "../helpers/api";

describe("POST /api/evaluation/evaluate", async () => {
  const alice = await createUser();
  const bob = await createUser();
  const admin = await createUser({ role: "admin" });
  const [aliceToken, adminToken] = await Promise.all([tokenFor(alice), tokenFor(admin)]);

  /** A source with one passage, as ingestion stores it. */
  async function source(title: string, passage: string, trustScore: number) {
    const artifact = await db.knowledgeArtifact.create({
      data: { ownerId: admin.id, path: `general/text/${title}`, title, artifactType: "text", source: "manual", contentHash: title, sizeBytes: passage.length, dedupScope: "shared", trustScore },
    });
    const chunk = await db.knowledgeChunk.create({ data: { artifactId: artifact.id, version: 1, ordinal: 0, content: passage, tokenCount: 10, searchText: indexTerms(passage).join(" ") } });
    return { id: artifact.id, chunkId: chunk.id };
  }
  const tides = await source("brest-tides", "Brest has a tidal range of about seven metres.", 80);
  const springs = await source("spring-tides", "Spring tides in Brest exceed the mean tidal range.", 60);

  /** A turn as chat stores it: question, answer with its [n] citations, and the causal event linking them. */
  async function turn(userId: number, o: { question: string; answer?: string; outcome?: string; conversationId?: number; cites?: { id: number; chunkId: number }[]; interrupted?: boolean; createdAt?: Date }) {
    const conversationId = o.conversationId ?? (await db.conversation.create({ data: { userId, title: o.question } })).id;
    const at = o.createdAt ? { createdAt: o.createdAt } : {};
    const q = await db.chatMessage.create({ data: { userId, conversationId, role: "user", content: o.question, ...at } });
    const a = await db.chatMessage.create({ data: { userId, conversationId, role: "grace", content: o.answer ?? "I don't know that yet.", interrupted: o.interrupted ?? false, ...at } });
    for (const [i, c] of (o.cites ?? []).entries()) await db.messageCitation.create({ data: { messageId: a.id, artifactId: c.id, chunkId: c.chunkId, ordinal: i + 1, score: 1, trustScore: 99 } });
    const event = await db.causalEvent.create({
      data: { userId, triggerMessageId: q.id, responseMessageId: a.id, eventType: "question", outcome: o.outcome ?? "answered", confidence: 0.5, ...at },
    });
    return { conversationId, event };
  }
  const confidenceOf = async (id: number) => (await db.causalEvent.findUniqueOrThrow({ where: { id } })).confidence;
  const question = "What is the tidal range in Brest?";
  const both = "The tidal range in Brest reaches seven metres [1]. Spring tides are larger [2].";
  const one = "The tidal range in Brest reaches seven metres [1].";

  it("scores each of the caller's recent events from its signals, audits it, is idempotent, and follows its sources' trust", async () => {
    // Every sentence cited, every term found, sources of trust 80 and 60 — then the person moved on.
    const grounded = await turn(alice.id, { question, answer: both, cites: [tides, springs] });
    const movedOn = await turn(alice.id, { question: "Which restaurants are open tonight?", conversationId: grounded.conversationId });
    // The same answer, then the same question again: it did not help.
    const repeated = await turn(alice.id, { question, answer: one, cites: [tides] });
    await turn(alice.id, { question, answer: one, cites: [tides], conversationId: repeated.conversationId });
    // Cut off while it streamed.
    const cut = await turn(alice.id, { question, answer: one, cites: [tides], interrupted: true });
    const unknown = await turn(alice.id, { question: "Who won the 1911 chess cup?", outcome: "unhandled" });
    const old = await turn(alice.id, { question, answer: one, cites: [tides], createdAt: new Date(Date.now() - 2 * 3_600_000) });
    const bobs = await turn(bob.id, { question, answer: one, cites: [tides] });

    const res = await call(evaluate.POST, { bearer: aliceToken, path: "/api/evaluation/evaluate/", method: "POST" });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: "evaluated", events_processed: 6 });
    expect(await confidenceOf(grounded.event.id)).toBe(0.7);
    expect(await confidenceOf(repeated.event.id)).toBe(0);
    expect(await confidenceOf(cut.event.id)).toBe(0);
    expect(await confidenceOf(unknown.event.id)).toBe(0); // cites nothing: stands on no knowledge
    expect(await confidenceOf(movedOn.event.id)).toBe(0);
    const reasked = await db.causalEvent.findFirstOrThrow({ where: { userId: alice.id, id: { gt: repeated.event.id } }, orderBy: { id: "asc" } });
    expect(reasked.confidence).toBe(0.8); // the second asking, answered from a source of trust 80, no reaction yet
    // Outside the hour, and someone else's: untouched.
    expect(await confidenceOf(old.event.id)).toBe(0.5);
    expect(await confidenceOf(bobs.event.id)).toBe(0.5);
    const entry = await db.logEntry.findFirstOrThrow({ where: { action: "causal.evaluate" }, orderBy: { sequence: "desc" } });
    expect(entry).toMatchObject({ actor: alice.username, resource: `causal:user:${alice.id}` });
    expect(JSON.parse(entry.payload)).toMatchObject({ events_processed: 6, rescored: res.json.rescored });

    const again = await call(evaluate.POST, { bearer: aliceToken, method: "POST" });
    expect(again.json).toMatchObject({ events_processed: 6, rescored: 0 });

    // A source's trust was lowered since: the answers that cited it are weaker now.
    await db.knowledgeArtifact.update({ where: { id: tides.id }, data: { trustScore: 20 } });
    await call(evaluate.POST, { bearer: aliceToken, method: "POST" });
    expect(await confidenceOf(grounded.event.id)).toBe(0.4);
    expect(await confidenceOf(reasked.id)).toBe(0.2);

    // An admin re-scores everyone's.
    const all = await call(evaluate.POST, { bearer: adminToken, method: "POST" });
    expect(all.json).toMatchObject({ status: "evaluated", events_processed: 7 });
    expect(await confidenceOf(bobs.event.id)).toBe(0.2);
  });

  it("answers with nothing to do when there were no events", async () => {
    const quiet = await createUser();
    expect((await call(evaluate.POST, { bearer: await tokenFor(quiet), method: "POST" })).json).toMatchObject({ status: "evaluated", events_processed: 0, rescored: 0 });
  });
});
