-- Admin never reads a case: no account holds ADMIN together with a role that works on cases,
-- whoever writes the row (the application refuses it first; this holds for every other writer).
-- A trigger rather than a CHECK constraint: Prisma's schema engine cannot describe CHECK
-- constraints on PostgreSQL (its migration tool panics), and it ignores triggers.
CREATE FUNCTION staff_users_admin_without_case_roles() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF 'ADMIN'::"role" = ANY (NEW."roles") AND NEW."roles" && ARRAY['SEKRETARIAT', 'TIM_TELAAH', 'TIM_AUDIT', 'KEPALA_DINAS', 'PENGAWAS']::"role"[] THEN
    RAISE EXCEPTION 'an account holding ADMIN cannot hold a case role' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER staff_users_admin_without_case_roles
  BEFORE INSERT OR UPDATE OF "roles" ON "staff_users"
  FOR EACH ROW EXECUTE FUNCTION staff_users_admin_without_case_roles();
