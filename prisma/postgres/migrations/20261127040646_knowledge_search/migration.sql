-- CreateIndex
CREATE UNIQUE INDEX "KnowledgeArtifact_path_key" ON "KnowledgeArtifact"("path");

-- Hand-written: full-text search over knowledge chunks (a tsvector per chunk with a GIN
-- index, kept in step by a trigger). Not in the Prisma schema: see DESIGN.md.
CREATE TABLE "KnowledgeChunkSearch" (
    "chunkId" INTEGER NOT NULL PRIMARY KEY REFERENCES "KnowledgeChunk"("id") ON DELETE CASCADE,
    "document" tsvector NOT NULL
);
CREATE INDEX "KnowledgeChunkSearch_document_idx" ON "KnowledgeChunkSearch" USING GIN ("document");

CREATE FUNCTION "grace_chunk_search"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "KnowledgeChunkSearch" ("chunkId", "document") VALUES (NEW."id", to_tsvector('english', NEW."content"))
    ON CONFLICT ("chunkId") DO UPDATE SET "document" = EXCLUDED."document";
    RETURN NEW;
END
$$;

CREATE TRIGGER "KnowledgeChunk_search" AFTER INSERT OR UPDATE OF "content" ON "KnowledgeChunk"
    FOR EACH ROW EXECUTE FUNCTION "grace_chunk_search"();

-- The trusted sources of the earlier system, plus official documentation sites.
INSERT INTO "TrustedSource" ("domain", "trustScore", "category", "description", "autoApproveThreshold", "createdAt", "updatedAt") VALUES
  ('python.org', 95, 'programming', 'The Python language and its official documentation', 70, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('arxiv.org', 90, 'research', 'Research preprints', 70, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('wikipedia.org', 80, 'reference', 'Encyclopedia', 70, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('stackoverflow.com', 75, 'programming', 'Programming questions and answers', 70, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('github.com', 70, 'code', 'Code hosting', 70, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('localhost', 100, 'local', 'This machine', 70, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('nodejs.org', 95, 'programming', 'Node.js official documentation', 70, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('developer.mozilla.org', 95, 'web', 'MDN Web Docs', 70, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('postgresql.org', 95, 'database', 'PostgreSQL official documentation', 70, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('sqlite.org', 95, 'database', 'SQLite official documentation', 70, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('typescriptlang.org', 95, 'programming', 'TypeScript official documentation', 70, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('rust-lang.org', 95, 'programming', 'Rust official documentation', 70, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('go.dev', 95, 'programming', 'Go official documentation', 70, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('kubernetes.io', 90, 'infrastructure', 'Kubernetes official documentation', 70, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('docker.com', 85, 'infrastructure', 'Docker official documentation', 70, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('react.dev', 90, 'web', 'React official documentation', 70, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('nextjs.org', 90, 'web', 'Next.js official documentation', 70, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('prisma.io', 85, 'database', 'Prisma official documentation', 70, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('w3.org', 95, 'web', 'World Wide Web Consortium standards', 70, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('ietf.org', 95, 'standards', 'Internet standards (RFCs)', 70, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('rfc-editor.org', 95, 'standards', 'The RFC series', 70, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('docs.github.com', 85, 'code', 'GitHub official documentation', 70, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('learn.microsoft.com', 85, 'programming', 'Microsoft official documentation', 70, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('docs.aws.amazon.com', 85, 'infrastructure', 'AWS official documentation', 70, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('cloud.google.com', 85, 'infrastructure', 'Google Cloud official documentation', 70, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('docs.oracle.com', 85, 'programming', 'Oracle official documentation', 70, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('man7.org', 85, 'programming', 'Linux man pages', 70, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('debian.org', 90, 'infrastructure', 'Debian official documentation', 70, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
