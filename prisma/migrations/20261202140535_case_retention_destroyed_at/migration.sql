-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "destroyed_at" TIMESTAMPTZ(3);
