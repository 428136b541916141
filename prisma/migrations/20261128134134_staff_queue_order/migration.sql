-- CreateIndex
CREATE INDEX "cases_due_at_id_idx" ON "cases"("due_at", "id");
