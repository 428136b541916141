-- AlterTable
ALTER TABLE "meetings" ADD COLUMN     "held_from" TIMESTAMPTZ(3);
