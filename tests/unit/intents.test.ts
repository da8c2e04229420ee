import { describe, expect, it } from "vitest";
import { classify } from "../../lib/chat/intents";

describe("message intents, by whole words", () => {
  it.each([
    ["hi", "greeting"], ["Hello there!", "greeting"], ["hey Grace", "greeting"], ["good morning, everyone", "greeting"],
    ["thanks!", "thanks"], ["thank you so much", "thanks"], ["bye", "goodbye"], ["see you later", "goodbye"],
    ["what did we talk about?", "memory"], ["do you remember the ferry?", "memory"],
    ["this is something", "question"], ["think about hills", "question"], ["hello there, when does the ferry leave?", "question"],
    ["thanks, but what is the capital of Peru and why?", "question"], ["history of the byzantine empire", "question"],
  ])("%s → %s", (message, intent) => {
    expect(classify(message)).toBe(intent);
  });
});
