-- Data only. Private artifacts move under their owner's prefix (`@u<owner id>/<domain>/<type>/<slug>`),
-- so a private path never takes, or makes a `-2` of, a path that a shared artifact or another user
-- wants. Shared paths do not change. Nothing refers to an artifact by path (citations, links and
-- the API use its id), so every link keeps working. No shared path starts with '@' (a domain
-- begins with a letter or digit), so the new paths cannot clash with any existing one.
UPDATE "KnowledgeArtifact"
SET "path" = '@u' || "ownerId"::text || '/' || "path"
WHERE "visibility" = 'private' AND substr("path", 1, 1) <> '@';

-- `localhost` at trust 100 was a fixture of the tests, not a production setting: remove it,
-- unless an operator has verified or changed it since it was seeded.
DELETE FROM "TrustedSource"
WHERE "domain" = 'localhost' AND "description" = 'This machine' AND "trustScore" = 100
  AND "verifiedById" IS NULL AND "lastVerifiedAt" IS NULL;
