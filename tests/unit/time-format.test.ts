import { describe, expect, it } from "vitest";
import { exactLocal, exactUtc, relativeTime } from "@/components/ui/time-format";

const now = new Date("2026-12-01T18:00:00Z");
const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe("relativeTime", () => {
  it.each([
    [0, "just now"],
    [-44, "just now"],
    [50, "just now"], // a server clock a little ahead
    [-60, "1 min ago"],
    [-3 * 60, "3 min ago"],
    [-59 * 60, "59 min ago"],
    [-60 * 60, "1 h ago"],
    [-5 * 3600, "5 h ago"],
    [-23 * 3600, "23 h ago"],
    [-26 * 3600, "1 day ago"],
    [-6 * 86400, "6 days ago"],
    [10 * 60, "in 10 min"],
    [3 * 86400, "in 3 days"],
  ])("%i s from now: %s", (seconds, text) => {
    expect(relativeTime(at(seconds), now)).toBe(text);
  });

  it("gives a date beyond a week, on the viewer's calendar", () => {
    // 23:30 UTC on Nov 20 is already Nov 21 in Tokyo and still Nov 20 in New York.
    const old = new Date("2026-11-20T23:30:00Z");
    expect(relativeTime(old, now, { timeZone: "Asia/Tokyo" })).toBe("Nov 21, 2026");
    expect(relativeTime(old, now, { timeZone: "America/New_York" })).toBe("Nov 20, 2026");
  });
});

describe("exact times", () => {
  it("UTC is the same for everyone", () => {
    expect(exactUtc(new Date("2026-12-01T18:22:41.123Z"))).toBe("2026-12-01 18:22:41 UTC");
    expect(exactUtc(new Date("2026-12-01T18:22:41.123Z"), { seconds: false })).toBe("2026-12-01 18:22 UTC");
  });

  it("local time is in the viewer's zone", () => {
    const d = new Date("2026-12-01T18:22:41Z");
    expect(exactLocal(d, { timeZone: "Europe/Berlin" })).toMatch(/^Dec 1, 2026, 7:22:41\sPM GMT\+1$/);
    expect(exactLocal(d, { timeZone: "Asia/Tokyo" })).toMatch(/^Dec 2, 2026, 3:22:41\sAM GMT\+9$/);
  });
});
