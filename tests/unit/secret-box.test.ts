// The model's API key at rest (lib/llm/secret-box.ts): AES-256-GCM under a key derived from
// Grace's secret. It opens only with the same secret, and any change to what is stored fails
// loudly instead of giving back something else.
import { describe, expect, it } from "vitest";
import { maskKey, open, redactKeys, seal, SecretBoxError } from "../../lib/llm/secret-box";

const SECRET = "the-data-directory-secret-0123456789";
const KEY = "sk-proj-Abc123def456ghi789jkl0a1b2";

/** Changes one character of a base64url part, keeping it valid base64url. */
function flip(part: string, at = 2): string {
  const c = part[at];
  return part.slice(0, at) + (c === "A" ? "B" : "A") + part.slice(at + 1);
}

describe("secret box", () => {
  it("opens what it sealed, and never stores the key in clear", () => {
    const sealed = seal({ plaintext: KEY, secret: SECRET });
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain(KEY);
    expect(sealed).not.toContain(Buffer.from(KEY).toString("base64url"));
    expect(open({ sealed, secret: SECRET })).toBe(KEY);
    // A fresh IV each time: the same key seals differently.
    expect(seal({ plaintext: KEY, secret: SECRET })).not.toBe(sealed);
    expect(open({ sealed: seal({ plaintext: "ключ-🔑", secret: SECRET }), secret: SECRET })).toBe("ключ-🔑");
  });

  it("refuses a tampered ciphertext, tag or IV", () => {
    const [v, iv, tag, body] = seal({ plaintext: KEY, secret: SECRET }).split(".");
    for (const sealed of [
      [v, iv, tag, flip(body)].join("."),
      [v, iv, flip(tag), body].join("."),
      [v, flip(iv), tag, body].join("."),
      [v, iv, tag, body.slice(0, -2)].join("."),
      [v, iv, tag, `${body}AA`].join("."),
      [v, iv, tag.slice(0, 10), body].join("."),
      ["v2", iv, tag, body].join("."),
      [v, iv, tag].join("."),
      "",
    ]) {
      expect(() => open({ sealed, secret: SECRET }), sealed).toThrow(SecretBoxError);
    }
  });

  it("refuses to open under another secret", () => {
    const sealed = seal({ plaintext: KEY, secret: SECRET });
    expect(() => open({ sealed, secret: `${SECRET}x` })).toThrow(SecretBoxError);
    expect(() => open({ sealed, secret: "another secret altogether" })).toThrow(SecretBoxError);
  });

  it("masks a key to its prefix and last four characters", () => {
    expect(maskKey(KEY)).toBe("sk-…a1b2");
    expect(maskKey("abcdefghijklmnopwxyz")).toBe("…wxyz");
    expect(maskKey("short-key")).toBe("••••");
    expect(maskKey(KEY)).not.toContain(KEY.slice(0, 10));
  });

  it("cuts keys out of error messages, the exact key and anything shaped like one", () => {
    expect(redactKeys(`401 bad key ${KEY} given`, KEY)).toBe("401 bad key sk-…a1b2 given");
    expect(redactKeys("401 Incorrect API key provided: sk-abc12*********************wxyz. See the docs.")).toBe("401 Incorrect API key provided: sk-… See the docs.");
    expect(redactKeys("connect ECONNREFUSED 127.0.0.1:9")).toBe("connect ECONNREFUSED 127.0.0.1:9");
    expect(redactKeys("the model was not found: llama-three")).toBe("the model was not found: llama-three");
  });
});
