-- CreateIndex
CREATE UNIQUE INDEX "KnowledgeArtifact_path_key" ON "KnowledgeArtifact"("path");

-- Hand-written: full-text search over knowledge chunks (FTS5, kept in step by triggers; the
-- porter stemmer, so "deploys" finds "deploy"). Not in the Prisma schema: see DESIGN.md.
CREATE VIRTUAL TABLE "KnowledgeChunkFts" USING fts5(content, content='KnowledgeChunk', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');

CREATE TRIGGER "KnowledgeChunk_fts_insert" AFTER INSERT ON "KnowledgeChunk" BEGIN
    INSERT INTO "KnowledgeChunkFts"(rowid, content) VALUES (new."id", new."content");
END;

CREATE TRIGGER "KnowledgeChunk_fts_delete" AFTER DELETE ON "KnowledgeChunk" BEGIN
    INSERT INTO "KnowledgeChunkFts"("KnowledgeChunkFts", rowid, content) VALUES ('delete', old."id", old."content");
END;

CREATE TRIGGER "KnowledgeChunk_fts_update" AFTER UPDATE OF "content" ON "KnowledgeChunk" BEGIN
    INSERT INTO "KnowledgeChunkFts"("KnowledgeChunkFts", rowid, content) VALUES ('delete', old."id", old."content");
    INSERT INTO "KnowledgeChunkFts"(rowid, content) VALUES (new."id", new."content");
END;

-- The trusted sources of the earlier system, plus official documentation sites.
INSERT INTO "TrustedSource" ("domain", "trustScore", "category", "description", "autoApproveThreshold", "createdAt", "updatedAt") VALUES
  ('python.org', 95, 'programming', 'The Python language and its official documentation', 70, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('arxiv.org', 90, 'research', 'Research preprints', 70, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('wikipedia.org', 80, 'reference', 'Encyclopedia', 70, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('stackoverflow.com', 75, 'programming', 'Programming questions and answers', 70, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('github.com', 70, 'code', 'Code hosting', 70, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('localhost', 100, 'local', 'This machine', 70, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('nodejs.org', 95, 'programming', 'Node.js official documentation', 70, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('developer.mozilla.org', 95, 'web', 'MDN Web Docs', 70, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('postgresql.org', 95, 'database', 'PostgreSQL official documentation', 70, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('sqlite.org', 95, 'database', 'SQLite official documentation', 70, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('typescriptlang.org', 95, 'programming', 'TypeScript official documentation', 70, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('rust-lang.org', 95, 'programming', 'Rust official documentation', 70, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('go.dev', 95, 'programming', 'Go official documentation', 70, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('kubernetes.io', 90, 'infrastructure', 'Kubernetes official documentation', 70, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('docker.com', 85, 'infrastructure', 'Docker official documentation', 70, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('react.dev', 90, 'web', 'React official documentation', 70, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('nextjs.org', 90, 'web', 'Next.js official documentation', 70, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('prisma.io', 85, 'database', 'Prisma official documentation', 70, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('w3.org', 95, 'web', 'World Wide Web Consortium standards', 70, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('ietf.org', 95, 'standards', 'Internet standards (RFCs)', 70, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('rfc-editor.org', 95, 'standards', 'The RFC series', 70, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('docs.github.com', 85, 'code', 'GitHub official documentation', 70, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('learn.microsoft.com', 85, 'programming', 'Microsoft official documentation', 70, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('docs.aws.amazon.com', 85, 'infrastructure', 'AWS official documentation', 70, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('cloud.google.com', 85, 'infrastructure', 'Google Cloud official documentation', 70, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('docs.oracle.com', 85, 'programming', 'Oracle official documentation', 70, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('man7.org', 85, 'programming', 'Linux man pages', 70, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('debian.org', 90, 'infrastructure', 'Debian official documentation', 70, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
