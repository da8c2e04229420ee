import { describe, expect, it } from "vitest";
import { extractTopics, tokenize } from "../../lib/loops/topics";

describe("recurring topics", () => {
  it("drops stop-words, short words and numbers", () => {
    expect(tokenize("How do I deploy the Kubernetes cluster in 2026?")).toEqual(["deploy", "kubernetes", "cluster"]);
  });

  it("counts each topic once per message and prefers a phrase over the words it covers", () => {
    const topics = extractTopics(
      ["The kubernetes cluster is down again", "kubernetes cluster kubernetes cluster!", "Is the kubernetes cluster healthy?", "lunch plans"],
      { minCount: 2, maxTopics: 5 },
    );
    expect(topics[0]).toEqual({ topic: "kubernetes cluster", count: 3 });
    expect(topics.map((t) => t.topic)).not.toContain("kubernetes");
    expect(topics.map((t) => t.topic)).not.toContain("lunch");
  });

  it("keeps a word that recurs more often than any phrase it is part of", () => {
    const topics = extractTopics(["invoice overdue", "invoice paid", "invoice overdue again"], { minCount: 2, maxTopics: 5 });
    expect(topics).toEqual([
      { topic: "invoice", count: 3 },
      { topic: "invoice overdue", count: 2 },
    ]);
  });
});
