// The trust-score cache: bounded (least recently used hosts go first), so scoring random hosts
// cannot grow a process's memory, and dropped in every process when a source changes, through
// the `trust` cache version row that create/update/delete bump in their transaction.
import { afterEach, describe, expect, it, vi } from "vitest";
import * as score from "../../app/api/trust/score/route";
import * as sources from "../../app/api/trust/sources/route";
import * as source from "../../app/api/trust/sources/[id]/route";
import { bumpCacheVersion } from "../../lib/db/cache-version";
import { writeTransaction } from "../../lib/db/transaction";
import { scoreUrl, TRUST_CACHE_MAX_HOSTS, trustScoreCacheSize } from "../../lib/trust/score-url";
import { call, createUser, db, tokenFor } from "../helpers/api";

describe("the trust-score cache", async () => {
  const admin = await createUser({ role: "admin" });
  const user = await createUser();
  const adminToken = await tokenFor(admin);
  const token = await tokenFor(user);
  const scoreOf = async (url: string) => (await call(score.GET, { bearer: token, path: `/api/trust/score?url=${encodeURIComponent(url)}` })).json.trust_score;
  const addSource = async (domain: string, trust_score: number) => (await call(sources.POST, { bearer: adminToken, body: { domain, trust_score } })).json;
  afterEach(() => vi.useRealTimers());

  it("stays bounded however many hosts are scored, dropping the least recently used", async () => {
    await addSource("probe.example.com", 90);
    expect(await scoreOf("https://old.probe.example.com/")).toBe(90);
    for (let i = 0; i < 20; i++) expect(await scoreOf(`https://r${i}-${Math.random().toString(36).slice(2)}.example.net/`)).toBe(50);
    for (let i = 0; i < TRUST_CACHE_MAX_HOSTS + 200; i++) await scoreUrl({ url: `https://h${i}-${Math.random().toString(36).slice(2)}.example.net/x` });
    expect(await scoreOf("https://recent.probe.example.com/")).toBe(90);

    // Change the row behind the cache's back (no version bump): the recently scored host is
    // still answered from the cache, the long-evicted one is looked up afresh.
    await db.trustedSource.update({ where: { domain: "probe.example.com" }, data: { trustScore: 10 } });
    expect(await scoreOf("https://recent.probe.example.com/")).toBe(90);
    expect(await scoreOf("https://old.probe.example.com/")).toBe(10);
    expect(trustScoreCacheSize()).toBe(TRUST_CACHE_MAX_HOSTS);
  });

  it("a score lowered by another process is seen at once: the change bumps the version in its transaction", async () => {
    const created = await addSource("lowered.example.com", 95);
    expect(await scoreOf("https://docs.lowered.example.com/a")).toBe(95);
    // What another process's updateSource does: the row and the version, in one transaction.
    await writeTransaction(async (tx) => {
      await tx.trustedSource.update({ where: { id: created.id }, data: { trustScore: 20 } });
      await bumpCacheVersion({ tx, name: "trust" });
    });
    expect(await scoreOf("https://docs.lowered.example.com/a")).toBe(20);
  });

  it("a process that changed nothing itself drops its scores within a second of another's change or delete", async () => {
    const created = await addSource("faraway.example.com", 92);
    expect(await scoreOf("https://faraway.example.com/")).toBe(92);
    const bumpElsewhere = () => db.$executeRawUnsafe(`UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'trust'`);
    vi.useFakeTimers({ toFake: ["Date"] });

    // Another process lowers it: only the database changes; this process's memory does not.
    await db.trustedSource.update({ where: { id: created.id }, data: { trustScore: 30 } });
    await bumpElsewhere();
    vi.setSystemTime(Date.now() + 1500); // past the one-second period of the version read
    expect(await scoreOf("https://faraway.example.com/")).toBe(30);

    // Another process deletes it: the heuristic applies again.
    await db.trustedSource.delete({ where: { id: created.id } });
    await bumpElsewhere();
    vi.setSystemTime(Date.now() + 1500);
    expect(await scoreOf("https://faraway.example.com/")).toBe(50);
  });

  it("create, update and delete through the API each bump the version", async () => {
    const version = async () => (await db.cacheVersion.findUnique({ where: { name: "trust" } }))?.version ?? 0;
    const start = await version();
    const created = await addSource("bumped.example.com", 80);
    expect(await version()).toBe(start + 1);
    await call(source.PATCH, { bearer: adminToken, method: "PATCH", params: { id: String(created.id) }, body: { trust_score: 60 } });
    expect(await version()).toBe(start + 2);
    await call(source.DELETE, { bearer: adminToken, method: "DELETE", params: { id: String(created.id) } });
    expect(await version()).toBe(start + 3);
  });
});
