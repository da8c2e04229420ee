-- CreateIndex
CREATE INDEX "LogEntry_timestamp_sequence_idx" ON "LogEntry"("timestamp", "sequence");
