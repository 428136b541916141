-- DropIndex
DROP INDEX "cases_due_at_id_idx";

-- CreateIndex
CREATE INDEX "cases_due_at_id_status_involves_leadership_idx" ON "cases"("due_at", "id", "status", "involves_leadership");
