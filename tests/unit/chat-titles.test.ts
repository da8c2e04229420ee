import { describe, expect, it } from "vitest";
import { dateGroup, distinctTitles, groupByDate, shorten } from "../../components/chat/titles";

describe("conversation titles", () => {
  it("shortens at a word boundary with an ellipsis", () => {
    expect(shorten("short one")).toBe("short one");
    const long = "What temperature does the boiler in the north wing run at during the coldest winter nights?";
    const s = shorten(long);
    expect(s.length).toBeLessThanOrEqual(40);
    expect(s.endsWith("…")).toBe(true);
    expect(long.startsWith(s.slice(0, -1))).toBe(true);
    expect(s.slice(0, -1).endsWith(" ")).toBe(false);
  });

  it("tells apart titles that begin alike, and numbers identical ones", () => {
    const labels = distinctTitles([
      { id: 3, title: "What temperature does the boiler run at?" },
      { id: 2, title: "What temperature does the freezer hold?" },
      { id: 1, title: "What temperature does the boiler run at?" },
      { id: 4, title: "Hello" },
      { id: 5, title: "What temperature does the boiler in the basement run at?" },
    ]);
    expect(labels.get(2)).toBe("What temperature … freezer hold?");
    expect(labels.get(1)).toBe("What temperature … boiler run at?");
    expect(labels.get(3)).toBe("What temperature … boiler run at? (2)");
    expect(labels.get(4)).toBe("Hello");
    expect(labels.get(5)).toBe("What … boiler in the basement run at?");
    expect(new Set(labels.values()).size).toBe(5);
    for (const label of labels.values()) expect(label.length).toBeLessThanOrEqual(40);
  });
});

describe("date groups", () => {
  const now = new Date(2026, 5, 10, 9, 0);
  it("groups by the viewer's calendar days", () => {
    expect(dateGroup(new Date(2026, 5, 10, 0, 5), now)).toBe("Today");
    expect(dateGroup(new Date(2026, 5, 9, 23, 59), now)).toBe("Yesterday");
    expect(dateGroup(new Date(2026, 5, 4, 12, 0), now)).toBe("Last 7 days");
    expect(dateGroup(new Date(2026, 5, 3, 12, 0), now)).toBe("Older");
  });
  it("orders by last activity and leaves out empty groups", () => {
    const groups = groupByDate(
      [
        { id: 1, updated_at: new Date(2026, 5, 10, 8).toISOString() },
        { id: 2, updated_at: new Date(2026, 4, 1).toISOString() },
        { id: 3, updated_at: new Date(2026, 5, 10, 8, 30).toISOString() },
      ],
      now,
    );
    expect(groups.map((g) => [g.group, g.items.map((c) => c.id)])).toEqual([
      ["Today", [3, 1]],
      ["Older", [2]],
    ]);
  });
});
