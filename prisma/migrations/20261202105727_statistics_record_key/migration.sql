-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "record_key" INTEGER NOT NULL DEFAULT ((('x'::text || "left"(md5((gen_random_uuid())::text), 8)))::bit(32))::integer;
