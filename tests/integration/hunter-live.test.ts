import { describe, expect, it, vi } from "vitest";
process.env.GRACE_EVENTS_POLL_MS = "50";
import { subscribe, type LiveEvent } from "../../lib/events/hub";
import { writeTransaction } from "../../lib/db/transaction";
import { recordFindings } from "../../lib/hunter/record-findings";
import { createUser, db } from "../helpers/api";

describe("Hunter alerts over /api/events", async () => {
  const admin = await createUser({ role: "admin" });
  const user = await createUser();

  it("admins see high and critical alerts live; quiet (logged) and lower ones, and other users, do not", async () => {
    const seen = { admin: [] as LiveEvent[], user: [] as LiveEvent[] };
    const stops = [
      subscribe({ user: { id: admin.id, username: admin.username, role: "admin" }, send: (e) => seen.admin.push(...e), db }),
      subscribe({ user: { id: user.id, username: user.username, role: "user" }, send: (e) => seen.user.push(...e), db }),
    ];
    try {
      // The hub's first look only notes where the tables stand; what comes after is news.
      await new Promise((r) => setTimeout(r, 300));
      const recorded = await writeTransaction((tx) =>
        recordFindings({
          tx,
          input: { target: "chat", user },
          resource: "message:live",
          findings: [
            { rule: "live.critical", severity: "critical", details: "a critical one", action: "alert" },
            { rule: "live.medium", severity: "medium", details: "a medium one", action: "alert" },
            { rule: "live.quiet", severity: "high", details: "a high one that only logs", action: "log" },
          ],
        }),
      );
      const [critical, medium, quiet] = recorded.map((r) => r.id);
      await vi.waitFor(() => expect(seen.admin.some((e) => e.type === "alert" && (e.data as { id: number }).id === critical)).toBe(true), { timeout: 10_000, interval: 50 });
      const alertIds = (events: LiveEvent[]) => events.filter((e) => e.type === "alert").map((e) => (e.data as { id: number }).id);
      expect(alertIds(seen.admin)).toEqual([critical]);
      expect(alertIds(seen.admin)).not.toContain(medium);
      expect(alertIds(seen.admin)).not.toContain(quiet);
      expect(alertIds(seen.user)).toEqual([]);
      // One task, for the critical alert only.
      expect((await db.securityEvent.findMany({ where: { id: { in: [critical, medium, quiet] } }, orderBy: { id: "asc" } })).map((e) => e.taskId !== null)).toEqual([true, false, false]);
    } finally {
      stops.forEach((stop) => stop());
    }
  });
});
