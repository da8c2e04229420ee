-- CreateIndex
CREATE INDEX "LogEntry_resource_sequence_idx" ON "LogEntry"("resource", "sequence");
