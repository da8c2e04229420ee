import { describe, expect, it } from "vitest";
import { safeCut, truncate } from "../../lib/text/truncate";

/** Whether the string holds a lone surrogate (half an astral character). */
function hasLoneSurrogate(s: string): boolean {
  return /\p{Surrogate}/u.test(s);
}

describe("truncate", () => {
  it("leaves short text alone", () => {
    expect(truncate("hello", 5)).toBe("hello");
    expect(truncate("", 3)).toBe("");
  });

  it("cuts with an ellipsis inside the limit", () => {
    expect(truncate("hello world", 6)).toBe("hello…");
    expect(truncate("hello world", 6, "")).toBe("hello ");
    expect(truncate("hello world", 8, "...")).toBe("hello...");
  });

  it("never splits a surrogate pair: emoji and astral Chinese", () => {
    for (const text of ["😀😀😀😀", "𠀀𠀀𠀀𠀀", "a😀b𠀀c"]) {
      for (let max = 0; max <= text.length; max++) {
        for (const ellipsis of ["…", ""]) {
          const cut = truncate(text, max, ellipsis);
          expect(cut.length).toBeLessThanOrEqual(Math.max(max, 0));
          expect(hasLoneSurrogate(cut)).toBe(false);
        }
      }
    }
    expect(truncate("𠀀𠀀𠀀", 4)).toBe("𠀀…");
    expect(truncate("😀😀", 2, "")).toBe("😀");
    expect(truncate("😀😀", 3, "")).toBe("😀");
  });

  it("keeps a letter with its combining marks, and emoji with modifiers and joiners", () => {
    expect(truncate("cafe\u0301 au lait", 4, "")).toBe("caf"); // e + combining acute stay together
    expect(truncate("cafe\u0301 au lait", 5, "")).toBe("cafe\u0301");
    expect(truncate("ok👍🏽!", 5, "")).toBe("ok"); // thumbs up with its skin tone
    expect(truncate("x👩‍💻y", 5, "")).toBe("x"); // woman technologist: a ZWJ sequence
  });

  it("cuts a long run of marks somewhere rather than scanning it all", () => {
    const text = "a" + "\u0301".repeat(1000);
    expect(safeCut(text, 500)).toBe(500);
  });
});
