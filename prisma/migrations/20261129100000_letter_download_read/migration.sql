-- A staff letter download reads the account, the letter and its case in one call. As a plpgsql
-- function its plan is made once per connection: on the embedded database, planning the same
-- join afresh for every download (cases has many indexes, each one inspected on disk) cost
-- more than running it. It only reads; the session and case-access rules are applied by the
-- application to what it returns (server/domain/letters/read.ts, staffLetter).
CREATE FUNCTION "letter_download_read"(p_user_id text, p_letter_id text)
RETURNS TABLE (
  "id" text, "username" text, "name" text, "nip" text, "position" text, "roles" text[],
  "active" boolean, "sessionVersion" integer, "mustChangePassword" boolean,
  "caseId" text, "type" text, "number" text, "content" bytea, "sha256" bytea,
  "reference" text, "wrappedKey" bytea, "involvesLeadership" boolean, "excludesUser" boolean
)
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY
  SELECT u."id", u."username", u."name", u."nip", u."position", u."roles"::text[],
         u."active", u."session_version", u."must_change_password",
         c."id", l."type"::text, l."number", l."content", l."sha256",
         c."reference", c."wrapped_key", c."involves_leadership",
         EXISTS (SELECT 1 FROM "case_exclusions" x WHERE x."case_id" = c."id" AND x."user_id" = u."id")
  FROM "staff_users" u
  LEFT JOIN "letters" l ON l."id" = p_letter_id
  LEFT JOIN "cases" c ON c."id" = l."case_id"
  WHERE u."id" = p_user_id;
END
$$;
