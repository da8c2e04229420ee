// Audited writes serialise on the audit log's head (writeTransaction takes it first), in
// every process. Ingesting must not hold it while it does CPU work: the content of a 5 MB
// document is normalised, hashed and cut into passages before the transaction opens, and the
// transaction only writes rows. Measured by instrumenting, not by timing: writeTransaction is
// wrapped so code can tell whether it runs inside the lock, and the preparation functions
// record whether they were called there.
import { setImmediate } from "node:timers";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as ingestText from "../../app/api/ingest/text/route";
import * as legacyIngest from "../../app/api/knowledge/ingest/route";
import * as chat from "../../app/api/chat/route";
import { editArtifact } from "../../lib/knowledge/update-artifact";
import { call, createUser, db, tokenFor } from "../helpers/api";
import { uploadFile } from "../helpers/upload";

const probe = await vi.hoisted(async () => {
  const { AsyncLocalStorage } = await import("node:async_hooks");
  const lock = new AsyncLocalStorage<true>();
  const calls: { fn: string; underLock: boolean }[] = [];
  return { lock, calls, record: (fn: string) => calls.push({ fn, underLock: lock.getStore() === true }) };
});

vi.mock("../../lib/db/transaction", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../lib/db/transaction")>();
  return {
    ...real,
    writeTransaction: (fn: Parameters<typeof real.writeTransaction>[0], database?: Parameters<typeof real.writeTransaction>[1]) =>
      real.writeTransaction((tx) => probe.lock.run(true, () => fn(tx)), database),
  };
});
vi.mock("../../lib/knowledge/chunk", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../lib/knowledge/chunk")>();
  return { ...real, chunkText: (content: string) => (probe.record("chunkText"), real.chunkText(content)) };
});
vi.mock("../../lib/knowledge/normalize", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../lib/knowledge/normalize")>();
  return {
    ...real,
    normalizeContent: (text: string) => (probe.record("normalizeContent"), real.normalizeContent(text)),
    contentHash: (text: string) => (probe.record("contentHash"), real.contentHash(text)),
  };
});

/** About `chars` characters of distinct sentences in paragraphs: a long report. */
function document(chars: number, seed: string): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const sentence = i % 7 === 6 ? `Sluice ${seed}${i} closes at dusk.\n\n` : `The ${seed} mill wheel number ${i} turns ${i % 13} times a minute in spate. `;
    parts.push(sentence);
    length += sentence.length;
  }
  return parts.join("").slice(0, chars);
}


/** What the preparation functions did, split by whether the audit lock was held. */
function preparation() {
  const names = (underLock: boolean) => probe.calls.filter((c) => c.underLock === underLock).map((c) => c.fn);
  return { outside: new Set(names(false)), underLock: names(true) };
}

describe("ingesting keeps CPU work outside the audit lock", async () => {
  const user = await createUser();
  const token = await tokenFor(user);
  afterEach(() => {
    probe.calls.length = 0;
    delete process.env.GRACE_MAX_BODY_BYTES;
  });

  it("a 5 MB upload is prepared before the lock is taken, while chat turns keep completing", async () => {
    // HTML, so the text is extracted (in a child process) before it is prepared and stored:
    // the turns complete while that runs, then wait only for the transaction's inserts.
    const paragraphs = document(4_900_000, "tidemill").split("\n\n");
    const html = `<html><body>${paragraphs.map((p) => `<p>${p}</p>`).join("\n")}</body></html>`;
    expect(html.length).toBeGreaterThan(4_900_000);
    let finished = false;
    const ingesting = uploadFile({ token, filename: "mills.html", content: html }).finally(() => (finished = true));
    let turnsMeanwhile = 0;
    for (let i = 0; !finished; i++) {
      // SQLite answers synchronously: yield to the event loop as a server between requests would.
      await new Promise((resolve) => setImmediate(resolve));
      const turn = await call(chat.POST, { bearer: token, body: { message: `How often does wheel ${i} turn?` } });
      expect(turn.status).toBe(200);
      if (!finished) turnsMeanwhile += 1;
    }
    const res = await ingesting;
    expect(res.status).toBe(201);

    const { outside, underLock } = preparation();
    expect(outside).toEqual(new Set(["normalizeContent", "contentHash", "chunkText"]));
    expect(underLock).toEqual([]);
    expect(turnsMeanwhile).toBeGreaterThan(0);
    const passages = await db.knowledgeChunk.count({ where: { artifactId: res.json.artifact_id } });
    expect(passages).toBeGreaterThan(5000);
  });

  it("so are plain-text uploads, text sent as JSON, the earlier API's ingest, and an edit's new content", async () => {
    expect((await uploadFile({ token, filename: "weirs.txt", content: document(5_000_000, "sluicegate") })).status).toBe(201);
    process.env.GRACE_MAX_BODY_BYTES = String(6 * 1024 * 1024);
    const text = await call(ingestText.POST, { bearer: token, body: { title: "Weirs", content: document(4_000_000, "weir") } });
    expect(text.status).toBe(201);
    const legacy = await call(legacyIngest.POST, { bearer: token, body: { content: document(1_000_000, "leat"), category: "mills" } });
    expect(legacy.status).toBe(201);
    await editArtifact({ user: { ...user, role: "user" }, id: text.json.artifact_id, changes: { content: document(2_000_000, "flume"), reason: "resurveyed" } });
    expect((await db.knowledgeArtifact.findUniqueOrThrow({ where: { id: text.json.artifact_id } })).version).toBe(2);

    const { outside, underLock } = preparation();
    expect(outside).toEqual(new Set(["normalizeContent", "contentHash", "chunkText"]));
    expect(underLock).toEqual([]);
  });

  it("blank content is a 422 naming the field, not a 500", async () => {
    const res = await call(ingestText.POST, { bearer: token, body: { title: "Blank", content: "  \n\t  " } });
    expect(res.status).toBe(422);
    expect(res.json.error.fields).toEqual([{ field: "body.content", message: "has no text (only whitespace)" }]);
  });
});
