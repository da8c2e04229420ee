-- CreateIndex
CREATE INDEX "Job_updatedAt_idx" ON "Job"("updatedAt");

-- Hand-written: the background loops and their defaults (the low-traffic band of the
-- original performance guide). Admins change them through PATCH /api/meta/config; the meta
-- loop retunes reflection, meta and health between its low and high bands.
INSERT INTO "LoopConfig" ("name", "intervalSeconds", "enabled", "settings", "updatedBy", "updatedAt") VALUES
  ('reflection', 10, true, '{"batch_size":10000,"min_count":2,"max_topics":10}', 'system', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('learning', 30, true, '{"threshold":3,"window_hours":24}', 'system', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('meta', 300, true, '{"high_requests_per_minute":3000,"high_messages_per_minute":120,"high_queue_depth":200,"low":{"reflection":10,"meta":300,"health":30},"high":{"reflection":60,"meta":3600,"health":120}}', 'system', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('health', 30, true, '{"failures_before_remedy":2,"disk_min_free_mb":200,"queue_backlog_seconds":300,"worker_stale_seconds":30}', 'system', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
