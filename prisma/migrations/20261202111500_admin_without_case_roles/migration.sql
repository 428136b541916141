-- Admin never reads a case: no account holds ADMIN together with a role that works on cases,
-- whoever writes the row (the application refuses it first; this holds for every other writer).
ALTER TABLE "staff_users" ADD CONSTRAINT "staff_users_admin_without_case_roles"
  CHECK (NOT ('ADMIN'::"role" = ANY ("roles") AND "roles" && ARRAY['SEKRETARIAT', 'TIM_TELAAH', 'TIM_AUDIT', 'KEPALA_DINAS', 'PENGAWAS']::"role"[]));
