-- Hand-written: the tamper-evident log is append-only, refused at the database itself,
-- and the singleton rows that appending and the system mode rely on exist from the start.
CREATE FUNCTION "grace_log_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'LogEntry is append-only';
END
$$;

CREATE TRIGGER "LogEntry_no_update_delete" BEFORE UPDATE OR DELETE ON "LogEntry"
    FOR EACH ROW EXECUTE FUNCTION "grace_log_entry_append_only"();

CREATE TRIGGER "LogEntry_no_truncate" BEFORE TRUNCATE ON "LogEntry"
    FOR EACH STATEMENT EXECUTE FUNCTION "grace_log_entry_append_only"();

INSERT INTO "LogHead" ("id", "sequence", "lastHash", "updatedAt")
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', CURRENT_TIMESTAMP);

INSERT INTO "SystemState" ("id", "mode", "reason", "changedAt")
VALUES (1, 'normal', '', CURRENT_TIMESTAMP);
