// A passage's token count is its words as the one tokenizer finds them, in every script: a
// Chinese sentence has no spaces, but it has words.
import { describe, expect, it } from "vitest";
import { preparePassages } from "../../lib/knowledge/ingest-text";

describe("preparing passages", () => {
  it("counts words, not spaces, in Chinese and Japanese as in English", () => {
    const [zh] = preparePassages("科尔瓦斯冷却液的流量为每小时1240升。");
    expect(zh.tokenCount).toBeGreaterThan(4);
    const [ja] = preparePassages("朧谷人形は、朧谷村で作られている木彫りの人形です。");
    expect(ja.tokenCount).toBeGreaterThan(4);
    const [en] = preparePassages("Korvath coolant flows at 14 litres per minute.");
    expect(en.tokenCount).toBe(8);
  });
});
