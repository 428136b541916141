-- CreateTable
CREATE TABLE "secret_checks" (
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "check" BYTEA NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "secret_checks_pkey" PRIMARY KEY ("name")
);
