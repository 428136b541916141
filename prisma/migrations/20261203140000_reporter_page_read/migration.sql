-- The reporter's case page in one database call: the session check (its idle timer restarted)
-- and the case read were two calls per view. No row when the session is absent or expired
-- (nothing is written then); else the row reporter_case_read gives, after the case's id.
CREATE FUNCTION "reporter_page_read"(p_token_hash bytea, p_now timestamptz(3), p_expires_at timestamptz(3))
RETURNS TABLE (
  "caseId" text, "reference" text, "status" text, "category" text, "submittedAt" timestamptz, "responseDueAt" timestamptz,
  "destroyedAt" timestamptz, "wrappedKey" bytea, "timeline" jsonb, "messages" jsonb, "response" jsonb
)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_case_id text;
BEGIN
  UPDATE "reporter_sessions" SET "last_seen_at" = p_now, "expires_at" = p_expires_at
  WHERE "token_hash" = p_token_hash AND "expires_at" > p_now
  RETURNING "case_id" INTO v_case_id;
  IF v_case_id IS NULL THEN
    RETURN;
  END IF;
  RETURN QUERY SELECT v_case_id, r.* FROM reporter_case_read(v_case_id, p_now) r;
END
$$;
