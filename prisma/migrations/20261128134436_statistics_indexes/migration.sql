-- CreateIndex
CREATE INDEX "cases_responded_at_idx" ON "cases"("responded_at");

-- CreateIndex
CREATE INDEX "cases_archived_at_idx" ON "cases"("archived_at");
