import { describe, expect, it } from "vitest";
import { highEntropy, iban, luhn, ssn, validatorFor, validatorNameFor } from "../../lib/hunter/validators";
import { maskedExcerpt, maskMatch } from "../../lib/hunter/mask";
import { checkRule, compileRule, parseThreshold } from "../../lib/hunter/compile-rule";
import { matchText, MAX_SCAN_CHARS } from "../../lib/hunter/match-text";
import { targetsOf } from "../../lib/hunter/rule-fields";

describe("Hunter's validators", () => {
  it("luhn: real test card numbers pass, one digit off fails, repeated digits fail", () => {
    expect(["4111111111111111", "4111 1111 1111 1111", "5555-5555-5555-4444", "378282246310005"].map(luhn)).toEqual([true, true, true, true]);
    expect(["4111111111111112", "1234567812345678", "0000000000000000", "411111111111"].map(luhn)).toEqual([false, false, false, false]);
  });
  it("iban: the mod-97 checksum decides", () => {
    expect(["GB82 WEST 1234 5698 7654 32", "DE89370400440532013000", "FR1420041010050500013M02606"].map(iban)).toEqual([true, true, true]);
    expect(["GB82 WEST 1234 5698 7654 33", "DE89370400440532013001", "GB82"].map(iban)).toEqual([false, false, false]);
  });
  it("ssn: never-issued areas, groups and serials are excluded", () => {
    expect(["123-45-6789", "078-05-1121"].map(ssn)).toEqual([true, true]);
    expect(["000-12-3456", "666-12-3456", "900-12-3456", "123-00-4567", "123-45-0000"].map(ssn)).toEqual([false, false, false, false, false]);
  });
  it("highEntropy: keys yes; UUIDs, words and repeats no", () => {
    expect(highEntropy("sk_live_4eC39HqLyjWDarjtT1zdp7dc9QxM")).toBe(true);
    expect(highEntropy("550e8400-e29b-41d4-a716-446655440000")).toBe(false);
    expect(highEntropy("aaaaaaaaaaaaaaaaaaaaaaaa1111")).toBe(false);
    expect(highEntropy("thisisjustalongwordwithoutdigits")).toBe(false);
  });
  it("a rule's name picks its validator", () => {
    expect([validatorFor("pii.card"), validatorFor("pii.card_amex"), validatorFor("pii.iban"), validatorFor("secret.generic_api_key"), validatorFor("sql.injection")]).toEqual([luhn, luhn, iban, highEntropy, null]);
    expect(["pii.card", "pii.us_ssn", "secret.generic_api_key", "sql.injection"].map(validatorNameFor)).toEqual(["luhn", "ssn", "entropy", null]);
  });
});

describe("masking", () => {
  it("keeps a few characters of a match and stars the rest; long numbers next to it are starred too", () => {
    expect(maskMatch("4111111111111111")).toBe("4111********1111");
    expect(maskMatch("abc")).toBe("***");
    const text = "card 4111111111111111 then 5555555555554444";
    const excerpt = maskedExcerpt(text, 5, 21);
    expect(excerpt).not.toContain("4111111111111111");
    expect(excerpt).not.toContain("5555555555554444");
  });
});

describe("rules", () => {
  const rule = (o: Partial<Parameters<typeof compileRule>[0]>) =>
    compileRule({ id: 1, name: "t", description: "", target: "chat", kind: "regex", pattern: "x", threshold: null, windowSeconds: null, severity: "high", action: "alert", ...o });

  it("targets: one or several, comma-separated; 'all' (early code rules) is every text target", () => {
    expect(targetsOf("chat,content")).toEqual(["chat", "content"]);
    expect(targetsOf("all")).toEqual(["chat", "content", "code"]);
    expect(targetsOf("chat,nonsense")).toEqual(["chat"]);
  });
  it("patterns re2js rejects are refused, naming pattern; threshold rules name a known counter", () => {
    for (const pattern of ["(a", "(a)\\1", "(?=a)b", "(?<=a)b"]) expect(() => checkRule({ kind: "regex", pattern, target: "chat" }), pattern).toThrow(/pattern/);
    expect(() => checkRule({ kind: "regex", pattern: "(a+)+$", target: "chat" })).not.toThrow();
    expect(() => parseThreshold("auth.failure per planet")).toThrow(/auth.failure per username/);
    expect(parseThreshold("export.rows per ip")).toEqual({ counter: "export.rows", per: "ip" });
    expect(() => checkRule({ kind: "threshold", pattern: "auth.failure per ip", target: "chat", threshold: 3, windowSeconds: 60 })).toThrow(/target/);
    expect(() => checkRule({ kind: "threshold", pattern: "auth.failure per ip", target: "auth", threshold: null, windowSeconds: 60 })).toThrow(/threshold/);
  });
  it("keywords: whole words in any script, any case, phrases across whitespace", () => {
    const r = rule({ kind: "keywords", pattern: "straße\nnew  moon\n" })!;
    expect(matchText({ rules: [r], text: "In der STRASSE? no; in der Straße, yes" }).length).toBe(1);
    expect(matchText({ rules: [r], text: "a New\n Moon rises" }).length).toBe(1);
    expect(matchText({ rules: [r], text: "newmoon, hauptstraßen" }).length).toBe(0);
  });
  it("only the first MAX_SCAN_CHARS characters are scanned, and a finding says so", () => {
    const r = rule({ pattern: "needle" })!;
    expect(matchText({ rules: [r], text: "x".repeat(MAX_SCAN_CHARS) + "needle" })).toEqual([]);
    expect(matchText({ rules: [r], text: "needle" + "x".repeat(MAX_SCAN_CHARS) })[0].truncated).toBe(true);
  });
});
