// Search answers with the rank of each passage within the caller's own results, never the
// engine's score: bm25 weighs words by statistics over every indexed passage, other users'
// private ones included, so its raw score moved when someone else privately stored a word.
import { describe, expect, it } from "vitest";
import * as ingestText from "../../app/api/ingest/text/route";
import * as search from "../../app/api/knowledge/search/route";
import { call, createUser, tokenFor } from "../helpers/api";

describe("search scores", async () => {
  const alice = await createUser();
  const bob = await createUser();
  const mallory = await createUser();
  const a = await tokenFor(alice);
  const b = await tokenFor(bob);
  const m = await tokenFor(mallory);
  const ingest = (token: string, title: string, content: string, visibility = "shared") => call(ingestText.POST, { bearer: token, body: { title, content, visibility } });

  // What Alice can see. Each passage has the words at least as often as the next, in fewer
  // words, so its order does not hang on how the engine weighs the two words.
  await ingest(b, "Jam", "Marmalade orchard marmalade orchard marmalade orchard.");
  await ingest(a, "Kitchen", "The marmalade from the orchard is sweet and golden in the summer.", "private");
  await ingest(a, "Village", "In the old village the orchard keeps apple trees and one jar of marmalade for the long cold winter evenings by the fire.");
  await ingest(b, "Unrelated", "Nothing about preserves here.");

  const searchAs = async (token: string, query: string) => {
    const res = await call(search.POST, { bearer: token, body: { query, limit: 10 } });
    expect(res.status).toBe(200);
    return res.json;
  };

  it("gives each result its rank and score = 1 / rank, never the engine's number", async () => {
    const res = await searchAs(a, "marmalade orchard");
    expect(res.results.map((r: { title: string }) => r.title)).toEqual(["Jam", "Kitchen", "Village"]);
    expect(res.results.map((r: { rank: number; score: number }) => [r.rank, r.score])).toEqual([
      [1, 1],
      [2, 0.5],
      [3, 0.3333],
    ]);
    expect(Object.keys(res.results[0]).sort()).toEqual(
      ["id", "source", "category", "chunk_id", "artifact_id", "title", "path", "domain", "source_url", "trust_score", "content", "snippet", "rank", "score"].sort(),
    );
  });

  it("gives a user the same results and scores before and after another user privately stores the words", async () => {
    const queries = ["marmalade orchard", "marmalade", "orchard winter"];
    const before = await Promise.all(queries.map((q) => searchAs(a, q)));
    const beforeBob = await searchAs(b, "marmalade orchard");

    // Many private passages with the words, long and short: they change the corpus statistics
    // (passage count, average length, how many passages hold each word) that bm25 uses.
    for (let i = 0; i < 25; i++) {
      const filler = "lorem ipsum ".repeat(i * 3);
      const words = i % 3 === 0 ? "marmalade" : i % 3 === 1 ? "orchard orchard winter" : "marmalade orchard marmalade";
      expect((await ingest(m, `Secret ${i}`, `${words} ${filler} entry ${i}.`, "private")).status).toBe(201);
    }

    expect(await Promise.all(queries.map((q) => searchAs(a, q)))).toEqual(before);
    expect(await searchAs(b, "marmalade orchard")).toEqual(beforeBob);
    // Mallory does find her own passages.
    expect((await searchAs(m, "marmalade orchard")).count).toBeGreaterThan(3);
  });
});
