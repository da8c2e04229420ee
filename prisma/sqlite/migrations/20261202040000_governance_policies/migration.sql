-- Hand-written, data only: the governance policies a fresh install starts with (issue 13).
-- Only the first is enabled: it keeps today's behaviour (URLs from sources scored 40–69 wait
-- for an admin). The others are ready for an admin to enable on the Governance page; until
-- then nothing else answers 423. Conditions are validated by lib/governance/policies/condition.ts.
-- Policies an admin already made under the same name are left as they are.
INSERT INTO "GovernancePolicy" ("name", "description", "actionType", "severity", "condition", "decision", "enabled", "priority", "createdBy", "createdAt", "updatedAt") VALUES
  ('Review URLs from sources scored 40–69', 'URLs whose source scores 40 to 69 wait for an admin before Grace fetches them (below 40 they are refused outright)', 'knowledge.ingest', 'medium', '{"trust_score":{"min":40,"max":69.99}}', 'review', true, 100, 'system', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('Review code execution', 'Every sandbox run waits for an admin', 'sandbox.run', 'high', NULL, 'review', false, 100, 'system', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('Review knowledge deletion', 'Deleting a knowledge artifact waits for an admin', 'knowledge.delete', 'medium', NULL, 'review', false, 100, 'system', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('Review loop changes', 'Changing a background loop''s interval, switch or settings waits for a second admin', 'loop.configure', 'medium', NULL, 'review', false, 100, 'system', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('Review system mode changes', 'Switching between normal, read-only and emergency mode waits for a second admin', 'system.mode', 'high', NULL, 'review', false, 100, 'system', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('Review new policies', 'Creating a governance policy waits for a second admin', 'governance.policy.create', 'high', NULL, 'review', false, 100, 'system', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('Review policy changes', 'Changing a governance policy (including disabling it) waits for a second admin', 'governance.policy.update', 'high', NULL, 'review', false, 100, 'system', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('Review policy deletion', 'Deleting a governance policy waits for a second admin', 'governance.policy.delete', 'high', NULL, 'review', false, 100, 'system', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('Review security rule changes', 'Changing a Hunter security rule waits for a second admin', 'hunter.rule.update', 'high', NULL, 'review', false, 100, 'system', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('Review token creation', 'Creating an API token waits for an admin', 'token.create', 'medium', NULL, 'review', false, 100, 'system', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('Review new accounts', 'Creating an account waits for a second admin', 'user.register', 'medium', NULL, 'review', false, 100, 'system', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('Review role changes', 'Changing an account''s role waits for a second admin', 'user.role_change', 'high', NULL, 'review', false, 100, 'system', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('Review disabling accounts', 'Disabling an account waits for a second admin', 'user.disable', 'medium', NULL, 'review', false, 100, 'system', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('Review account deletion', 'Deleting an account waits for a second admin', 'user.delete', 'high', NULL, 'review', false, 100, 'system', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
ON CONFLICT ("name") DO NOTHING;
