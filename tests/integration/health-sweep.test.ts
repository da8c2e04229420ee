// Retention covers sign-in attempts, healing actions and the meta loop's analyses (with their
// evaluations) like the other operational tables; the lockout's window is never swept.
import { afterEach, describe, expect, it } from "vitest";
import { sweepOldRows } from "../../lib/health/sweep";
import { db } from "../helpers/api";

const days = (n: number) => new Date(Date.now() - n * 86_400_000);

afterEach(() => {
  delete process.env.GRACE_SIGNIN_RETENTION_DAYS;
  delete process.env.GRACE_LOGIN_WINDOW_SECONDS;
});

describe("the health loop's sweep", () => {
  it("deletes sign-in attempts, healing actions, meta analyses and evaluations past their retention, and nothing newer", async () => {
    const attempt = (createdAt: Date) => db.signInAttempt.create({ data: { username: "someone", ip: "10.0.0.9", outcome: "failure", createdAt } });
    const action = (createdAt: Date) => db.healingAction.create({ data: { component: "queue", action: "remedy:queue", result: "succeeded", createdAt } });
    const analysis = (createdAt: Date) => db.metaAnalysis.create({ data: { analysisType: "load", subject: "s", findings: "f", recommendation: "r", confidence: 1, createdAt } });
    const evaluation = (createdAt: Date) => db.metaEvaluation.create({ data: { metric: "queue_depth", before: 2, after: 1, improvement: 1, conclusion: "c", createdAt } });
    const old = { attempt: await attempt(days(40)), action: await action(days(40)), analysis: await analysis(days(40)), evaluation: await evaluation(days(40)) };
    const fresh = { attempt: await attempt(days(1)), action: await action(days(1)), analysis: await analysis(days(1)), evaluation: await evaluation(days(1)) };

    expect(await sweepOldRows({ db })).toMatchObject({ sign_in_attempts: 1, healing_actions: 1, meta_analyses: 1, meta_evaluations: 1 });
    expect(await db.signInAttempt.findUnique({ where: { id: old.attempt.id } })).toBeNull();
    expect(await db.healingAction.findUnique({ where: { id: old.action.id } })).toBeNull();
    expect(await db.metaAnalysis.findUnique({ where: { id: old.analysis.id } })).toBeNull();
    expect(await db.metaEvaluation.findUnique({ where: { id: old.evaluation.id } })).toBeNull();
    expect(await db.signInAttempt.findUnique({ where: { id: fresh.attempt.id } })).not.toBeNull();
    expect(await db.healingAction.findUnique({ where: { id: fresh.action.id } })).not.toBeNull();
    expect(await db.metaAnalysis.findUnique({ where: { id: fresh.analysis.id } })).not.toBeNull();
    expect(await db.metaEvaluation.findUnique({ where: { id: fresh.evaluation.id } })).not.toBeNull();
  });

  it("keeps the sign-in attempts the lockout still counts, whatever their retention says", async () => {
    process.env.GRACE_SIGNIN_RETENTION_DAYS = "1";
    process.env.GRACE_LOGIN_WINDOW_SECONDS = String(3 * 86_400);
    const inWindow = await db.signInAttempt.create({ data: { username: "someone", ip: "10.0.0.9", outcome: "failure", createdAt: days(2) } });
    const past = await db.signInAttempt.create({ data: { username: "someone", ip: "10.0.0.9", outcome: "failure", createdAt: days(4) } });
    await sweepOldRows({ db });
    expect(await db.signInAttempt.findUnique({ where: { id: inWindow.id } })).not.toBeNull();
    expect(await db.signInAttempt.findUnique({ where: { id: past.id } })).toBeNull();
  });
});
