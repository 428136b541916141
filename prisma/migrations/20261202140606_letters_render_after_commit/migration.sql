-- AlterTable
ALTER TABLE "letters" ADD COLUMN     "rendered_at" TIMESTAMPTZ(3),
ADD COLUMN     "source" BYTEA,
ALTER COLUMN "content" DROP NOT NULL,
ALTER COLUMN "size" DROP NOT NULL,
ALTER COLUMN "sha256" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "letters_rendered_at_idx" ON "letters"("rendered_at");

-- Letters issued before this change were rendered inside their issuing transaction.
UPDATE "letters" SET "rendered_at" = "created_at" WHERE "content" IS NOT NULL;
