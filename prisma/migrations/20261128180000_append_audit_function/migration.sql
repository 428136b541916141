-- Appending to the hash-chained audit trail in one statement instead of five round trips
-- (lock, read the last hash, insert, inside a transaction). The chain is unchanged:
-- hash = sha256(prev_hash || canonical JSON of the entry's fields), where the canonical JSON
-- is built by the application (server/domain/audit.ts) and verified there.
-- The advisory lock serialises writers until the caller's transaction ends; each statement of
-- a VOLATILE plpgsql function takes a new snapshot, so the last hash read after the lock is the
-- one committed by the previous writer.
CREATE FUNCTION "append_audit_entry"(
  p_created_at timestamptz(3),
  p_actor_id text,
  p_actor_label text,
  p_action text,
  p_case_id text,
  p_target text,
  p_detail jsonb,
  p_ip_address text,
  p_canonical text
) RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  prev bytea;
BEGIN
  PERFORM pg_advisory_xact_lock(7390211);
  SELECT "hash" INTO prev FROM "audit_entries" ORDER BY "id" DESC LIMIT 1;
  prev := coalesce(prev, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea);
  INSERT INTO "audit_entries" ("created_at", "actor_id", "actor_label", "action", "case_id", "target", "detail", "ip_address", "prev_hash", "hash")
  VALUES (p_created_at, p_actor_id, p_actor_label, p_action, p_case_id, p_target, p_detail, p_ip_address, prev, sha256(prev || convert_to(p_canonical, 'UTF8')));
END
$$;
