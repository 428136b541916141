-- CreateIndex
CREATE INDEX "cases_responded_at_idx" ON "cases"("responded_at");
