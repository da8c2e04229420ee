// Research goals: the questions Grace could not answer, listed newest first, and marked
// answered (audited) once knowledge the owner may read answers them — after they add a file,
// and when they ask for a re-check (their page does on opening). Each person's own only.
import { describe, expect, it } from "vitest";
import * as research from "../../app/api/goals/research/route";
import * as recheck from "../../app/api/goals/research/recheck/route";
import * as goals from "../../app/api/goals/route";
import * as ingestText from "../../app/api/ingest/text/route";
import * as legacyIngest from "../../app/api/knowledge/ingest/route";
import { writeTransaction } from "../../lib/db/transaction";
import { ensureResearchGoal } from "../../lib/goals/research-goal";
import { listResearchGoals } from "../../lib/goals/research";
import { recheckResearchGoals } from "../../lib/goals/recheck-research-goals";
import { databaseConfig } from "../../lib/db/config";
import { createLoggingDb } from "../helpers/query-log";
import { call, createUser, db, tokenFor } from "../helpers/api";
import { uploadFile } from "../helpers/upload";

async function upload(token: string, filename: string, content: string, fields: Record<string, string> = {}) {
  const res = await uploadFile({ token, filename, content, fields });
  expect(res.status).toBe(201);
}

type Item = { id: number; question: string; status: string; answered_at: string | null };

describe("research goals", async () => {
  const alice = await createUser();
  const bob = await createUser();
  const aliceToken = await tokenFor(alice);
  const bobToken = await tokenFor(bob);
  const ask = (user: { id: number; username: string }, question: string) => writeTransaction((tx) => ensureResearchGoal({ tx, user, question }));
  const list = async (token: string, query = "") => (await call(research.GET, { bearer: token, path: `/api/goals/research?${query}` })).json as { items: Item[]; next_cursor: string | null };

  it("lists one's own unanswered questions newest first, paginated, without other goals", async () => {
    await ask(alice, "When was the Kermorvan lighthouse automated?");
    await ask(alice, "How deep is the Geiranger fjord?");
    await call(goals.POST, { bearer: aliceToken, body: { goal_text: "Learn to sail" } });
    await ask(bob, "When was the Kermorvan lighthouse automated?");

    const first = await list(aliceToken, "limit=1");
    expect(first.items.map((g) => g.question)).toEqual(["how deep is the geiranger fjord"]);
    const second = await list(aliceToken, `limit=1&cursor=${first.next_cursor}`);
    expect(second.items).toMatchObject([{ question: "when was the kermorvan lighthouse automated", status: "open", answered_at: null }]);
    expect(second.next_cursor).toBeNull();
    expect((await list(bobToken)).items.map((g) => g.question)).toEqual(["when was the kermorvan lighthouse automated"]);
  });

  it("marks a question answered once the owner adds a file that answers it; others' goals stay open", async () => {
    await upload(aliceToken, "kermorvan.md", "# Kermorvan\n\nThe lighthouse at Kermorvan was automated in 1995.", { visibility: "private" });
    const mine = (await list(aliceToken)).items;
    expect(mine.find((g) => g.question.includes("kermorvan"))).toMatchObject({ status: "answered", answered_at: expect.any(String) });
    expect(mine.find((g) => g.question.includes("geiranger"))).toMatchObject({ status: "open" });
    // Bob cannot read Alice's private file: his question is still open, even when re-checked.
    expect((await call(recheck.POST, { bearer: bobToken, method: "POST" })).json).toEqual({ checked: 1, answered: [] });
    expect((await list(bobToken)).items[0].status).toBe("open");

    const goal = mine.find((g) => g.question.includes("kermorvan"))!;
    const entry = await db.logEntry.findFirstOrThrow({ where: { resource: `goal:${goal.id}`, action: "goal.answered" } });
    expect(entry.actor).toBe(alice.username);
  });

  it("a re-check answers questions from knowledge someone else shared; one's own text answers at once", async () => {
    // Bob's text re-checks Bob's questions, not Alice's: hers wait for her re-check (her page does it on opening).
    const added = await call(ingestText.POST, { bearer: bobToken, body: { title: "Fjords", content: "The Geiranger fjord is 260 metres deep.", visibility: "shared" } });
    expect(added.status).toBe(201);
    expect((await list(aliceToken)).items.some((g) => g.status === "open")).toBe(true);
    const res = await call(recheck.POST, { bearer: aliceToken, method: "POST" });
    expect(res.status).toBe(200);
    expect(res.json.answered).toHaveLength(1);
    expect((await list(aliceToken)).items.every((g) => g.status === "answered")).toBe(true);
    // Checked again, nothing changes and nothing more is audited.
    const before = await db.logEntry.count({ where: { action: "goal.answered" } });
    expect((await call(recheck.POST, { bearer: aliceToken, method: "POST" })).json).toEqual({ checked: 0, answered: [] });
    expect(await db.logEntry.count({ where: { action: "goal.answered" } })).toBe(before);
  });

  it("text one adds (the form, the API or the earlier API's ingest) answers one's own open questions at once", async () => {
    const carol = await createUser();
    const carolToken = await tokenFor(carol);
    await ask(carol, "how deep is the sognefjord");
    await ask(carol, "how long is the hardangerfjord");
    const first = await call(ingestText.POST, { bearer: carolToken, body: { title: "Sognefjord", content: "The Sognefjord is 1,308 metres deep." } });
    expect(first.status).toBe(201);
    const second = await call(legacyIngest.POST, { bearer: carolToken, body: { content: "Hardangerfjord\n\nThe Hardangerfjord is 179 kilometres long." } });
    expect(second.status).toBe(201);
    expect((await list(carolToken)).items.map((g) => g.status)).toEqual(["answered", "answered"]);
  });

  it("lists and re-checks through the (userId, id) index, not a scan of everyone's goals", async () => {
    const logging = createLoggingDb();
    try {
      await listResearchGoals({ user: alice, limit: 20, db: logging.db });
      await recheckResearchGoals({ user: alice, db: logging.db });
      const queries = logging.queries.filter((q) => /^\s*SELECT/i.test(q.sql) && /FROM [`"](main|public)[`"]\.[`"]Goal[`"]/.test(q.sql));
      expect(queries.length).toBe(2);
      const cfg = databaseConfig();
      for (const q of queries) {
        if (cfg.provider === "sqlite") {
          const plan = (await db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${q.sql}`, ...q.params)).map((r) => r.detail).join("\n");
          expect(plan, q.sql).toMatch(/SEARCH (main\.)?Goal USING INDEX Goal_userId_(id|status)_idx \(userId=/);
          expect(plan, q.sql).not.toMatch(/^SCAN (main\.)?Goal\b/m);
        } else {
          const rows = await db.$transaction(async (tx) => {
            // As in query-plans.test.ts: small tables make scans look cheapest whatever the indexes.
            await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
            await tx.$executeRawUnsafe("SET LOCAL enable_bitmapscan = off");
            return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${q.sql}`, ...q.params);
          });
          const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
          expect(plan, q.sql).toMatch(/Index Scan.* on "Goal"[\s\S]*Index Cond: \(+"userId" = /);
          // The re-check's (userId, status) look-up sorts that person's open goals only.
          if (!plan.includes("Goal_userId_status_idx")) expect(plan, q.sql).not.toMatch(/Sort/);
        }
      }
    } finally {
      await logging.close();
    }
  });
});
