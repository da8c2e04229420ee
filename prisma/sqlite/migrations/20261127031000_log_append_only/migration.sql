-- Hand-written: the tamper-evident log is append-only, refused at the database itself,
-- and the singleton rows that appending and the system mode rely on exist from the start.
CREATE TRIGGER "LogEntry_no_update" BEFORE UPDATE ON "LogEntry"
BEGIN
    SELECT RAISE(ABORT, 'LogEntry is append-only');
END;

CREATE TRIGGER "LogEntry_no_delete" BEFORE DELETE ON "LogEntry"
BEGIN
    SELECT RAISE(ABORT, 'LogEntry is append-only');
END;

INSERT INTO "LogHead" ("id", "sequence", "lastHash", "updatedAt")
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

INSERT INTO "SystemState" ("id", "mode", "reason", "changedAt")
VALUES (1, 'normal', '', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
