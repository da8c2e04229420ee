import { describe, expect, it } from "vitest";
import { conditionSchema } from "../../lib/governance/policies/condition";
import { countsNeeded, globMatches, matchPolicy, type ActionFacts, type PolicyRow } from "../../lib/governance/policies/match";

// 2026-12-02 was a Wednesday: 14:30 UTC is 15:30 in Paris and 09:30 in New York.
const WED_1430_UTC = new Date("2026-12-02T14:30:00Z");
const base: ActionFacts = { actionType: "knowledge.delete", resource: "artifact:12", payload: { title: "Quarterly Budget draft" }, role: "user", now: WED_1430_UTC };
let nextId = 1;
const policy = (o: Partial<PolicyRow> & { condition?: unknown }): PolicyRow => ({ id: nextId++, name: `p${nextId}`, priority: 100, enabled: true, decision: "review", actionType: "knowledge.delete", condition: null, ...o });

describe("policy matching: each condition part", () => {
  it.each<[string, unknown, Partial<ActionFacts>, boolean]>([
    ["no condition matches every action of its type", null, {}, true],
    ["an empty condition too", {}, {}, true],
    ["resource glob *", { resource: "artifact:*" }, {}, true],
    ["resource glob that does not match", { resource: "token:*" }, {}, false],
    ["resource glob ? is one character", { resource: "artifact:1?" }, {}, true],
    ["resource glob is whole-string", { resource: "artifact:1" }, {}, false],
    ["resource glob treats regex characters literally", { resource: "artifact:(12)" }, { resource: "artifact:(12)" }, true],
    ["resource glob . is not a wildcard", { resource: "artifact.12" }, {}, false],
    ["keyword, case-insensitive", { keywords: ["budget"] }, {}, true],
    ["keyword must be a whole word", { keywords: ["budg"] }, {}, false],
    ["keyword phrase", { keywords: ["quarterly budget"] }, {}, true],
    ["any keyword of several", { keywords: ["salary", "DRAFT"] }, {}, true],
    ["keywords in nested payload values", { keywords: ["secret"] }, { payload: { a: [{ b: "top SECRET plan" }] } }, true],
    ["keyword absent", { keywords: ["salary"] }, {}, false],
    ["role listed", { roles: ["user"] }, {}, true],
    ["role not listed", { roles: ["admin"] }, {}, false],
    ["trust score in range", { trust_score: { min: 40, max: 69.99 } }, { trustScore: 50 }, true],
    ["trust score at the lower bound", { trust_score: { min: 40, max: 69.99 } }, { trustScore: 40 }, true],
    ["trust score above range", { trust_score: { min: 40, max: 69.99 } }, { trustScore: 70 }, false],
    ["trust score below range", { trust_score: { min: 40 } }, { trustScore: 39 }, false],
    ["an action without a score never matches a score part", { trust_score: { min: 0 } }, {}, false],
    ["day of week in UTC", { time_window: { days: ["wed"] } }, {}, true],
    ["another day", { time_window: { days: ["mon", "tue"] } }, {}, false],
    ["hours in UTC", { time_window: { hours: { from: 14, to: 15 } } }, {}, true],
    ["hours end is exclusive", { time_window: { hours: { from: 13, to: 14 } } }, {}, false],
    ["hours in a time zone", { time_window: { hours: { from: 15, to: 16 }, time_zone: "Europe/Paris" } }, {}, true],
    ["hours in another time zone", { time_window: { hours: { from: 14, to: 15 }, time_zone: "America/New_York" } }, {}, false],
    ["hours wrapping past midnight", { time_window: { hours: { from: 22, to: 6 } } }, { now: new Date("2026-12-02T03:00:00Z") }, true],
    ["outside hours wrapping past midnight", { time_window: { hours: { from: 22, to: 6 } } }, {}, false],
    ["day in the time zone, not UTC", { time_window: { days: ["thu"], time_zone: "Asia/Tokyo" } }, { now: new Date("2026-12-02T20:00:00Z") }, true],
    ["rate reached: this one is past the limit", { rate: { max: 3, window_seconds: 60 } }, { recent: new Map([[60, 3]]) }, true],
    ["rate not reached", { rate: { max: 3, window_seconds: 60 } }, { recent: new Map([[60, 2]]) }, false],
    ["rate counted in its own window", { rate: { max: 3, window_seconds: 60 } }, { recent: new Map([[3600, 9]]) }, false],
    ["every part must hold", { resource: "artifact:*", roles: ["user"], keywords: ["budget"] }, {}, true],
    ["one failing part fails the condition", { resource: "artifact:*", roles: ["admin"], keywords: ["budget"] }, {}, false],
  ])("%s", (_name, condition, facts, expected) => {
    const p = policy({ condition });
    expect(matchPolicy([p], { ...base, ...facts })).toBe(expected ? p : null);
  });
});

describe("policy matching: which policy decides", () => {
  it("no policy: nothing matches (the action is allowed)", () => {
    expect(matchPolicy([], base)).toBeNull();
  });

  it("a policy for another action type never matches", () => {
    expect(matchPolicy([policy({ actionType: "token.create" })], base)).toBeNull();
  });

  it("disabled policies are skipped", () => {
    const off = policy({ enabled: false, decision: "block", priority: 1 });
    const on = policy({ decision: "review", priority: 50 });
    expect(matchPolicy([off, on], base)).toBe(on);
    expect(matchPolicy([off], base)).toBeNull();
  });

  it("lower priority first, whatever the list's order", () => {
    const late = policy({ priority: 200, decision: "block" });
    const early = policy({ priority: 10, decision: "allow" });
    expect(matchPolicy([late, early], base)).toBe(early);
  });

  it("equal priorities: lower id first", () => {
    const a = policy({ id: 501, priority: 5, decision: "block" });
    const b = policy({ id: 500, priority: 5, decision: "review" });
    expect(matchPolicy([a, b], base)).toBe(b);
  });

  it("a first policy whose condition fails hands over to the next", () => {
    const adminsOnly = policy({ priority: 1, decision: "allow", condition: { roles: ["admin"] } });
    const everyone = policy({ priority: 2, decision: "block" });
    expect(matchPolicy([adminsOnly, everyone], base)).toBe(everyone);
    expect(matchPolicy([adminsOnly, everyone], { ...base, role: "admin" })).toBe(adminsOnly);
  });

  it("a stored condition that no longer parses fails closed (the policy applies)", () => {
    const broken = policy({ condition: { resource: 42 } });
    expect(matchPolicy([broken], base)).toBe(broken);
  });

  it("countsNeeded lists the rate windows of enabled policies for the action", () => {
    const policies = [
      policy({ condition: { rate: { max: 1, window_seconds: 60 } } }),
      policy({ condition: { rate: { max: 5, window_seconds: 3600 } } }),
      policy({ enabled: false, condition: { rate: { max: 5, window_seconds: 86400 } } }),
      policy({ actionType: "token.create", condition: { rate: { max: 5, window_seconds: 7 } } }),
    ];
    expect(countsNeeded(policies, "knowledge.delete").sort((a, b) => a - b)).toEqual([60, 3600]);
  });
});

describe("globs run in linear time", () => {
  it("a pathological glob against a long resource answers (no backtracking)", () => {
    // With a backtracking engine, "*a*a*a…b" against "aaaa…" takes exponential steps.
    const glob = `${"*a".repeat(30)}*b`;
    expect(globMatches(glob, "a".repeat(2000))).toBe(false);
    expect(globMatches(glob, `${"a".repeat(40)}b`)).toBe(true);
  });
});

describe("condition validation names the bad part", () => {
  it.each<[unknown, string]>([
    [{ trust_score: { min: "x" } }, "trust_score.min"],
    [{ trust_score: { min: 80, max: 20 } }, "trust_score.min"],
    [{ trust_score: { min: 101 } }, "trust_score.min"],
    [{ time_window: { time_zone: "Mars/Olympus_Mons" } }, "time_window.time_zone"],
    [{ time_window: { days: ["someday"] } }, "time_window.days.0"],
    [{ time_window: { hours: { from: 25, to: 3 } } }, "time_window.hours.from"],
    [{ rate: { max: 1, window_seconds: 0 } }, "rate.window_seconds"],
    [{ keywords: [] }, "keywords"],
    [{ roles: ["root"] }, "roles.0"],
    [{ resource: "" }, "resource"],
  ])("%j → %s", (condition, path) => {
    const result = conditionSchema.safeParse(condition);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join("."))).toContain(path);
  });

  it("an unknown part is refused", () => {
    expect(conditionSchema.safeParse({ colour: "red" }).success).toBe(false);
  });
});
