import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import canonicalize from "canonicalize";
import { canonicalEntryText, canonicalJson, entryHash, GENESIS_HASH } from "../../lib/audit/hash";

describe("audit hashing", () => {
  it("encodes with RFC 8785 (sorted keys, ES number and string forms)", () => {
    // The example from RFC 8785 §3.2.2 (numbers) and key ordering by UTF-16 code units.
    expect(canonicalJson({ numbers: [333333333.33333329, 1e30, 4.5, 2e-3, 0.000000000000000000000000001] })).toBe(
      '{"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27]}',
    );
    expect(canonicalJson({ b: 1, a: { d: true, c: null }, "€": "é", "\r": "\u2028" })).toBe('{"\\r":"\u2028","a":{"c":null,"d":true},"b":1,"€":"é"}');
  });

  it("hashes the entry without its own hash, with prev_hash in it", () => {
    const fields = {
      sequence: 1,
      timestamp: new Date("2026-01-02T03:04:05.678Z"),
      actor: "admin",
      action: "auth.login",
      resource: "user:1",
      subsystem: "auth",
      payload: { via: "api", ip: "127.0.0.1" },
      result: "success",
      prevHash: GENESIS_HASH,
    };
    const expected = createHash("sha256")
      .update(
        `{"action":"auth.login","actor":"admin","payload":{"ip":"127.0.0.1","via":"api"},"prev_hash":"${GENESIS_HASH}","resource":"user:1","result":"success","sequence":1,"subsystem":"auth","timestamp":"2026-01-02T03:04:05.678Z"}`,
      )
      .digest("hex");
    expect(entryHash(fields)).toBe(expected);
    expect(entryHash({ ...fields, prevHash: "1".repeat(64) })).not.toBe(expected);
    expect(entryHash({ ...fields, payload: { via: "web", ip: "127.0.0.1" } })).not.toBe(expected);
  });

  it("builds the same bytes by hand as the canonicalize package, whatever the strings hold", () => {
    const odd = ["", "plain", 'quote " and \\ backslash', "\u0000\u0001\u001f\u007f", "\u2028\u2029", "é€😀", "\ud800 lone", "tab\tnewline\n", "</script>"];
    for (const [i, text] of odd.entries()) {
      const fields = { sequence: 1000 + i, timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, i)), actor: text, action: `a.${text}`, resource: text, subsystem: text, result: text, prevHash: GENESIS_HASH };
      const payload = { [text]: text, n: [1.5, -0, 1e21], nested: { z: null, a: true } };
      const expected = canonicalize({ ...fields, timestamp: fields.timestamp.toISOString(), payload, prev_hash: fields.prevHash, prevHash: undefined });
      expect(canonicalEntryText({ ...fields, payloadText: canonicalJson(payload) })).toBe(expected);
    }
  });
});
