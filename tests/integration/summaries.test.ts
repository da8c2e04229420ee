// GET /api/summaries/ and POST /api/summaries/generate: a real summary of the last 24 hours —
// messages, recurring topics, tasks created, goals touched, reflections — stored and audited;
// everyone sees their own summaries, an admin also the overall ones.
import { describe, expect, it } from "vitest";
import * as summaries from "../../app/api/summaries/route";
import * as generate from "../../app/api/summaries/generate/route";
import * as tasks from "../../app/api/tasks/route";
import * as goals from "../../app/api/goals/route";
import { call, createUser, db, tokenFor } from "../helpers/api";

describe("daily summaries", async () => {
  const alice = await createUser();
  const bob = await createUser();
  const admin = await createUser({ role: "admin" });
  const [aliceToken, bobToken, adminToken] = await Promise.all([tokenFor(alice), tokenFor(bob), tokenFor(admin)]);
  const dayAgo = new Date(Date.now() - 2 * 86_400_000);

  const chat = async (userId: number, question: string, answer: string, createdAt?: Date) => {
    await db.chatMessage.create({ data: { userId, role: "user", content: question, ...(createdAt ? { createdAt } : {}) } });
    await db.chatMessage.create({ data: { userId, role: "grace", content: answer, ...(createdAt ? { createdAt } : {}) } });
  };

  it("summarises the caller's last 24 hours from their rows, stores it and audits it", async () => {
    await chat(alice.id, "My kubernetes cluster keeps crashing", "Let's look at the logs.");
    await chat(alice.id, "The kubernetes cluster upgrade failed", "Which version?");
    await chat(alice.id, "How do I back up the kubernetes cluster?", "Use snapshots.");
    // Older than a day, and someone else's: neither counts.
    await chat(alice.id, "ancient pottery glaze", "Nice.", dayAgo);
    await chat(alice.id, "ancient pottery kiln", "Nice.", dayAgo);
    await chat(bob.id, "sourdough starter ratio", "1:1:1.");
    await chat(bob.id, "sourdough starter smell", "Normal.");
    expect((await call(tasks.POST, { bearer: aliceToken, body: { title: "Check the etcd backups" } })).status).toBe(201);
    expect((await call(goals.POST, { bearer: aliceToken, body: { goal_text: "Learn kubernetes" } })).status).toBeLessThan(300);
    await db.reflection.create({
      data: { userId: alice.id, summary: "s", insight: '"kubernetes cluster" came up in 3 of 3 messages.', confidence: 0.8, windowStart: new Date(), windowEnd: new Date(), messageCount: 3 },
    });

    const res = await call(generate.POST, { bearer: aliceToken, path: "/api/summaries/generate", method: "POST" });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: "generated", summary: expect.any(String), key_topics: ["kubernetes cluster"], tasks_created: 1, period: "daily" });
    const text: string = res.json.summary;
    expect(text).toContain("3 messages from you and 3 answers");
    expect(text).toContain("recurring topics: kubernetes cluster (3)");
    expect(text).toContain("1 task created");
    expect(text).toContain("1 goal touched");
    expect(text).toContain('1 reflection — latest: "kubernetes cluster" came up in 3 of 3 messages.');
    expect(text).not.toContain("pottery");
    expect(text).not.toContain("sourdough");

    const row = await db.summary.findFirstOrThrow({ where: { userId: alice.id } });
    expect(row).toMatchObject({ period: "daily", summaryText: text, tasksCreated: 1, keyTopics: ["kubernetes cluster"] });
    expect(row.periodEnd.getTime() - row.periodStart.getTime()).toBe(86_400_000);
    const entry = await db.logEntry.findFirstOrThrow({ where: { action: "summary.create", resource: `summary:${row.id}` } });
    expect(entry.actor).toBe(alice.username);
    expect(JSON.parse(entry.payload)).toMatchObject({ scope: "user", user_id: alice.id, questions: 3, answers: 3, tasks_created: 1, goals_touched: 1, reflections: 1 });
  });

  it("says so plainly when nothing happened", async () => {
    const quiet = await createUser();
    const res = await call(generate.POST, { bearer: await tokenFor(quiet), body: {} });
    expect(res.json).toMatchObject({ status: "generated", summary: "Last 24 hours: no messages, tasks, goals or reflections.", key_topics: [], tasks_created: 0 });
  });

  it("lets only an admin summarise everybody", async () => {
    expect((await call(generate.POST, { bearer: aliceToken, path: "/api/summaries/generate?scope=overall", method: "POST" })).status).toBe(403);
    expect((await call(generate.POST, { bearer: aliceToken, path: "/api/summaries/generate?scope=everyone", method: "POST" })).status).toBe(422);
    const overall = await call(generate.POST, { bearer: adminToken, path: "/api/summaries/generate/?scope=overall", method: "POST" });
    expect(overall.status).toBe(200);
    expect(overall.json.summary).toContain("5 messages from 2 people");
    expect(overall.json.key_topics).toEqual(expect.arrayContaining(["kubernetes cluster", "sourdough starter"]));
    expect(await db.summary.count({ where: { userId: null } })).toBe(1);
  });

  it("lists the caller's summaries newest first (an admin also the overall ones) as the earlier bare array", async () => {
    await call(generate.POST, { bearer: aliceToken, body: {} });
    await call(generate.POST, { bearer: bobToken, body: {} });
    const mine = await call(summaries.GET, { bearer: aliceToken, path: "/api/summaries/" });
    expect(mine.status).toBe(200);
    expect(mine.json).toHaveLength(2);
    expect(mine.json[0].id).toBeGreaterThan(mine.json[1].id);
    expect(Object.keys(mine.json[0]).sort()).toEqual(["generated_at", "id", "key_topics", "period", "period_end", "period_start", "scope", "summary_text", "tasks_created"]);
    expect(mine.json.every((s: { scope: string }) => s.scope === "user")).toBe(true);
    const bobs = await call(summaries.GET, { bearer: bobToken, path: "/api/summaries" });
    expect(bobs.json).toHaveLength(1);
    expect(bobs.json[0].summary_text).toContain("sourdough starter (2)");
    // The admin: their own (none) and the overall one; not alice's or bob's.
    const admins = await call(summaries.GET, { bearer: adminToken, path: "/api/summaries/" });
    expect(admins.json.map((s: { scope: string }) => s.scope)).toEqual(["overall"]);

    const page = await call(summaries.GET, { bearer: aliceToken, path: "/api/summaries/?limit=1" });
    expect(page.json).toHaveLength(1);
    const next = await call(summaries.GET, { bearer: aliceToken, path: `/api/summaries/?limit=1&cursor=${page.headers.get("x-next-cursor")}` });
    expect(next.json[0].id).toBe(mine.json[1].id);
    expect((await call(summaries.GET, { bearer: aliceToken, path: "/api/summaries/?limit=101" })).status).toBe(422);
  });
});
