-- CreateTable
CREATE TABLE "staff_sessions" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "enrol" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "staff_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "staff_sessions_user_id_idx" ON "staff_sessions"("user_id");

-- AddForeignKey
ALTER TABLE "staff_sessions" ADD CONSTRAINT "staff_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The letter download reads the session record in the same single call: a full (not enrolment)
-- session of this account, with the moment it ends; the application refuses an absent or ended one.
DROP FUNCTION "letter_download_read"(text, text);
CREATE FUNCTION "letter_download_read"(p_user_id text, p_session_id text, p_letter_id text)
RETURNS TABLE (
  "id" text, "username" text, "name" text, "nip" text, "position" text, "roles" text[],
  "active" boolean, "sessionVersion" integer, "mustChangePassword" boolean, "sessionExpiresAt" timestamptz,
  "caseId" text, "type" text, "number" text, "content" bytea, "sha256" bytea,
  "reference" text, "wrappedKey" bytea, "involvesLeadership" boolean, "excludesUser" boolean
)
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY
  SELECT u."id", u."username", u."name", u."nip", u."position", u."roles"::text[],
         u."active", u."session_version", u."must_change_password", s."expires_at",
         c."id", l."type"::text, l."number", l."content", l."sha256",
         c."reference", c."wrapped_key", c."involves_leadership",
         EXISTS (SELECT 1 FROM "case_exclusions" x WHERE x."case_id" = c."id" AND x."user_id" = u."id")
  FROM "staff_users" u
  LEFT JOIN "staff_sessions" s ON s."id" = p_session_id AND s."user_id" = u."id" AND NOT s."enrol"
  LEFT JOIN "letters" l ON l."id" = p_letter_id
  LEFT JOIN "cases" c ON c."id" = l."case_id"
  WHERE u."id" = p_user_id;
END
$$;
