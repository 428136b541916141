-- The tracking sign-in in one database call, and the case page's read in one after the session
-- check, as letter_download_read does for a letter download: on the embedded database every
-- statement is planned afresh (planning inspects every index of "cases" on disk), while a
-- plpgsql function keeps its plans. Each call is one statement, so one transaction.

-- Tracking sign-in: the case behind the code, expired sessions swept, the new session stored.
-- Returns the case id, or null when no case has this code (nothing is written then).
CREATE FUNCTION "reporter_session_open"(
  p_tracking_hash bytea,
  p_session_id text,
  p_token_hash bytea,
  p_now timestamptz(3),
  p_expires_at timestamptz(3)
) RETURNS text
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_case_id text;
BEGIN
  SELECT "id" INTO v_case_id FROM "cases" WHERE "tracking_hash" = p_tracking_hash;
  IF v_case_id IS NULL THEN
    RETURN NULL;
  END IF;
  DELETE FROM "reporter_sessions" WHERE "expires_at" < p_now;
  INSERT INTO "reporter_sessions" ("id", "token_hash", "case_id", "created_at", "last_seen_at", "expires_at")
  VALUES (p_session_id, p_token_hash, v_case_id, p_now, p_now, p_expires_at);
  RETURN v_case_id;
END
$$;

-- The reporter's case page: what the reporter sees of the case (steps, messages with their
-- files' names, the sent response), then the office's messages marked read, in one call (it
-- was seven statements: Prisma sends each relation apart). Encrypted values come as hex in the
-- JSON; the application opens them. No row for an unknown case.
CREATE FUNCTION "reporter_case_read"(p_case_id text, p_now timestamptz(3))
RETURNS TABLE (
  "reference" text, "status" text, "category" text, "submittedAt" timestamptz, "responseDueAt" timestamptz,
  "destroyedAt" timestamptz, "wrappedKey" bytea, "timeline" jsonb, "messages" jsonb, "response" jsonb
)
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  RETURN QUERY
  SELECT c."reference", c."status"::text, c."category"::text, c."submitted_at", c."response_due_at",
         c."destroyed_at", c."wrapped_key",
         coalesce((
           SELECT jsonb_agg(jsonb_build_object('step', t."step", 'toStatus', t."to_status", 'at', t."created_at")
                            ORDER BY t."created_at", t."id")
           FROM "timeline_events" t
           WHERE t."case_id" = c."id" AND t."visible_to_reporter" AND t."kind" = 'TRANSITION'
         ), '[]'::jsonb),
         coalesce((
           SELECT jsonb_agg(jsonb_build_object(
                    'id', m."id", 'authorKind', m."author_kind", 'body', encode(m."body", 'hex'),
                    'isInfoRequest', m."is_info_request", 'at', m."created_at",
                    'files', coalesce((
                      SELECT jsonb_agg(jsonb_build_object('id', a."id", 'name', encode(a."file_name", 'hex'), 'size', a."size")
                                       ORDER BY a."created_at", a."id")
                      FROM "attachments" a WHERE a."message_id" = m."id"
                    ), '[]'::jsonb))
                  ORDER BY m."created_at", m."id")
           FROM "messages" m WHERE m."case_id" = c."id"
         ), '[]'::jsonb),
         (
           SELECT jsonb_build_object('content', encode(d."content", 'hex'), 'sentAt', d."sent_at")
           FROM "document_drafts" d
           WHERE d."case_id" = c."id" AND d."type" = 'TANGGAPAN' AND d."sent_at" IS NOT NULL
         )
  FROM "cases" c WHERE c."id" = p_case_id;
  -- The reporter has now seen the office's messages (none are left once the content is destroyed).
  UPDATE "messages" SET "read_at" = p_now
  WHERE "case_id" = p_case_id AND "author_kind" <> 'REPORTER' AND "read_at" IS NULL;
END
$$;
