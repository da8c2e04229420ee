// Child of the chat/search benchmarks: seeds DATABASE_URL with synthetic knowledge, fast
// (direct inserts; the search index triggers still fire per row).
//   seed-knowledge.ts <artifacts> <chunks per artifact>
import { ensureAdmin } from "../../lib/auth/ensure-admin";
import { db } from "../../lib/db/client";
import { preparePassages } from "../../lib/knowledge/ingest-text";

const artifacts = Number(process.argv[2]);
const perArtifact = Number(process.argv[3] ?? 1);
const words = "river mountain engine protocol harbour lantern orchard compiler violin glacier satellite bakery quarry theorem museum ferry canyon meadow tunnel beacon archive festival granite prism voltage marble falcon ledger spindle cobalt".split(" ");
const verbs = "opens closes measures carries protects powers feeds connects guards lights holds crosses".split(" ");

// A deterministic pseudo-random sequence, so every run seeds the same corpus.
let state = 42;
const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];

// Seeding a database Grace has not started on yet: make the admin first, as the first start would.
if (process.env.GRACE_ADMIN_PASSWORD) await ensureAdmin({ password: process.env.GRACE_ADMIN_PASSWORD });
// Owned by a bench user; shared, so every user of the database (the admin who signs in) reads them.
const owner = await db.user.upsert({ where: { username: "bench-owner" }, create: { username: "bench-owner", passwordHash: "x" }, update: {} });
const sentence = (i: number) => `The ${pick(words)} ${pick(verbs)} the ${pick(words)} ${pick(words)} near marker ${i % 997}.`;
for (let start = 0; start < artifacts; start += 500) {
  const n = Math.min(500, artifacts - start);
  // The passages and their search words are made before the transaction, as ingest does.
  const docs = Array.from({ length: n }, (_, k) => {
    const i = start + k;
    const body = Array.from({ length: perArtifact }, (_, c) => `${sentence(i + c)} ${sentence(i * 7 + c)} Fact ${i}-${c}: item${i}x${c} is stored in hall ${(i * 31 + c) % 400}.`);
    return { i, body, passages: preparePassages(body.join("\n\n"), body) };
  });
  await db.$transaction(async (tx) => {
    for (const { i, body, passages } of docs) {
      const a = await tx.knowledgeArtifact.create({
        data: { ownerId: owner.id, path: `bench/text/a${i}`, title: `Bench ${i}`, artifactType: "text", source: "manual", contentHash: `bench-${i}`, sizeBytes: body.join("\n\n").length, dedupScope: "shared", trustScore: 60 + (i % 40) },
      });
      await tx.knowledgeChunk.createMany({ data: passages.map((p, ordinal) => ({ artifactId: a.id, version: 1, ordinal, content: p.content, tokenCount: 20, searchText: p.searchText })) });
    }
  }, { timeout: 120_000 });
}
console.log(JSON.stringify({ artifacts, chunks: artifacts * perArtifact }));
await db.$disconnect();
