// The confidence chat records (and GET /api/evaluation/confidence averages) is measured on the
// answer: the share of its sentences that cite a source × the share of the question's terms the
// cited text holds × the cited sources' mean trust. Replies that cite nothing stand on nothing.
import { afterAll, describe, expect, it } from "vitest";
import * as chat from "../../app/api/chat/route";
import * as confidence from "../../app/api/evaluation/confidence/route";
import { ingestContent, ingestTextSchema } from "../../lib/knowledge/ingest-text";
import { call, createUser, db, tokenFor } from "../helpers/api";
import { startFakeLlm } from "../helpers/fake-llm";

describe("chat's confidence", async () => {
  const alice = await createUser();
  const token = await tokenFor(alice);
  const know = (title: string, content: string, trustScore: number) =>
    ingestContent({ user: alice, input: ingestTextSchema.parse({ title, content }), source: "manual", trustScore });
  await know("Mars facts", "Mars has two small moons named Phobos and Deimos. Its day lasts about 24.6 hours.", 80);
  await know("Quibbleton rumour", "The colour of the Quibbleton bridge is purple since last spring.", 40);
  const fake = await startFakeLlm();
  afterAll(async () => {
    delete process.env.GRACE_LLM_BASE_URL;
    await fake.close();
  });

  const ask = async (message: string) => {
    const res = await call(chat.POST, { bearer: token, body: { message } });
    expect(res.status).toBe(200);
    const event = await db.causalEvent.findFirstOrThrow({ where: { responseMessageId: res.json.message_id } });
    return { res: res.json, confidence: event.confidence };
  };

  it("is the cited trust when every sentence is cited and every question term is in the source", async () => {
    const { res, confidence } = await ask("Which moons does Mars have?");
    expect(res.response).toBe("Mars has two small moons named Phobos and Deimos. [1]");
    expect(confidence).toBeCloseTo(0.8, 3);
  });

  it("falls with the source's trust, and with sentences that cite nothing (here the low-trust warning)", async () => {
    const { res, confidence } = await ask("What colour is the Quibbleton bridge?");
    expect(res.response).toContain("trust score of only 40");
    // Two sentences, one cited; "colour", "quibbleton", "bridge": all three in the source; trust 0.4.
    expect(confidence).toBeCloseTo((1 / 2) * 1 * 0.4, 3);
  });

  it("is 0 for replies that stand on no knowledge: small talk and not knowing", async () => {
    expect((await ask("Hello!")).confidence).toBe(0);
    expect((await ask("What is the airspeed of an unladen swallow?")).confidence).toBe(0);
  });

  it("measures a model's answer the same way: uncited sentences and unmatched terms count against it", async () => {
    process.env.GRACE_LLM_BASE_URL = fake.url;
    try {
      fake.behave({ tokens: ["Its moons are Phobos and Deimos [1]. ", "They are small."] });
      const { res, confidence } = await ask("What are the moons of Mars called?");
      expect(res).toMatchObject({ engine: "llm", grounded: true });
      // One of two sentences cited; "moons", "mars" found, "called" not; trust 0.8.
      expect(confidence).toBeCloseTo((1 / 2) * (2 / 3) * 0.8, 3);
    } finally {
      delete process.env.GRACE_LLM_BASE_URL;
    }
  });

  it("is what GET /api/evaluation/confidence averages", async () => {
    const events = await db.causalEvent.findMany({ where: { userId: alice.id } });
    const mean = events.reduce((s, e) => s + e.confidence, 0) / events.length;
    const res = await call(confidence.GET, { bearer: token });
    expect(res.json.sample_size).toBe(events.length);
    expect(res.json.overall).toBeCloseTo(mean, 3);
    expect(res.json.by_type.greeting).toBe(0);
  });
});
