/** Tests: the demo staff seeded into a test database, as signed-in principals by username. */
import { seedDemo } from "../../prisma/seed-data.ts";
import { staffFromClaims, type StaffPrincipal } from "../auth/staff-session.ts";
import type { Db } from "../db.ts";
import { signedInClaims } from "./staff-claims.ts";

export async function seedDemoStaff(db: Db): Promise<Record<string, StaffPrincipal>> {
  await seedDemo(db, { log: () => {}, password: () => "uji-Kata-Sandi-2026" });
  const users: Record<string, StaffPrincipal> = {};
  for (const u of await db.staffUser.findMany({ select: { id: true, username: true, sessionVersion: true } })) {
    users[u.username] = (await staffFromClaims(db, await signedInClaims(db, u)))!;
  }
  return users;
}
