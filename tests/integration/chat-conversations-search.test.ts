import { describe, expect, it } from "vitest";
import * as chat from "../../app/api/chat/route";
import * as conversations from "../../app/api/chat/conversations/route";
import { call, createUser, tokenFor } from "../helpers/api";

// GET /api/chat/conversations?q=: the caller's conversations whose title or messages hold the
// words, paginated, never another user's, and `q` is plain text (no wildcard, no pattern).
describe("searching conversations", async () => {
  const alice = await createUser();
  const bob = await createUser();
  const a = await tokenFor(alice);
  const b = await tokenFor(bob);
  const ask = async (token: string, message: string, conversation_id?: number) => (await call(chat.POST, { bearer: token, body: { message, conversation_id } })).json.conversation_id as number;
  const search = (token: string, query: string) => call(conversations.GET, { bearer: token, path: `/api/chat/conversations?${query}` });

  const boiler = await ask(a, "What temperature does the boiler run at?");
  const freezer = await ask(a, "What temperature does the freezer hold?");
  const later = await ask(a, "hello there");
  await ask(a, "And what about the Zanzibar ferry?", later); // found by a later message, not the title
  const percent = await ask(a, "Is 100% of the 5_000 budget spent?");
  const bobs = await ask(b, "What temperature does Bob's kettle reach?");

  it("finds words in titles, ignoring case, newest first", async () => {
    const res = await search(a, "q=TEMPERATURE");
    expect(res.status).toBe(200);
    expect(res.json.items.map((c: { id: number }) => c.id)).toEqual([freezer, boiler]);
  });

  it("finds words in any message of a conversation", async () => {
    const res = await search(a, "q=zanzibar");
    expect(res.json.items.map((c: { id: number }) => c.id)).toEqual([later]);
    expect(res.json.items[0].title).toBe("hello there");
  });

  it("never shows another user's conversations", async () => {
    expect((await search(b, "q=temperature")).json.items.map((c: { id: number }) => c.id)).toEqual([bobs]);
    expect((await search(b, "q=zanzibar")).json.items).toEqual([]);
  });

  it("treats wildcards and pattern characters as plain text", async () => {
    expect((await search(a, `q=${encodeURIComponent("100%")}`)).json.items.map((c: { id: number }) => c.id)).toEqual([percent]);
    expect((await search(a, `q=${encodeURIComponent("5_0")}`)).json.items.map((c: { id: number }) => c.id)).toEqual([percent]);
    expect((await search(a, `q=${encodeURIComponent("%")}`)).json.items.map((c: { id: number }) => c.id)).toEqual([percent]);
    expect((await search(a, `q=${encodeURIComponent("_")}`)).json.items.map((c: { id: number }) => c.id)).toEqual([percent]);
    expect((await search(a, `q=${encodeURIComponent("(a+)+$")}`)).json.items).toEqual([]);
  });

  it("pages through the matches with the cursor", async () => {
    const first = await search(a, "q=temperature&limit=1");
    expect(first.json.items.map((c: { id: number }) => c.id)).toEqual([freezer]);
    expect(first.json.next_cursor).toEqual(expect.any(String));
    const second = await search(a, `q=temperature&limit=1&cursor=${first.json.next_cursor}`);
    expect(second.json.items.map((c: { id: number }) => c.id)).toEqual([boiler]);
    expect(second.json.next_cursor).toBeNull();
  });

  it("lists everything without q, and rejects a query too long to be words", async () => {
    expect((await search(a, "q=")).json.items).toHaveLength(4);
    expect((await search(a, "")).json.items).toHaveLength(4);
    const long = await search(a, `q=${"x".repeat(201)}`);
    expect(long.status).toBe(422);
  });
});
