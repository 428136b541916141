/**
 * Staff accounts, managed by Admin.
 *
 * - Every change is one transaction holding an advisory lock, so two Admins working at once
 *   are serialised: the guards below then see each other's committed changes (two Admins
 *   removing each other's ADMIN role at the same moment cannot leave none).
 * - Inside the transaction the acting Admin is reloaded: an Admin deactivated a moment ago
 *   cannot finish a change that was already on its way.
 * - Deactivation, any role change, a second-factor reset and a password reset bump
 *   `sessionVersion`, which ends every existing session of that user on its next request
 *   (server/auth/staff-session.ts).
 * - Guards against lock-out: an Admin cannot deactivate themself or remove their own ADMIN
 *   role, and at least one active Admin always remains.
 * - Separation of duties: no account changes its own roles, and ADMIN is never held together
 *   with a case role (Admin never reads a case; the database refuses it too).
 * - Initial and reset passwords are generated here (about 115 random bits) and returned once;
 *   Admin never chooses one, so none is weak, reused or typed into a form. Only the argon2id
 *   hash is stored, and `mustChangePassword` is set.
 * - Each change writes its audit entry (`user.*`) in the same transaction: ids, usernames,
 *   roles and changed field names only, never a password or a hash.
 */
import { randomInt } from "node:crypto";
import { z } from "zod";
import type { Db } from "../../db.ts";
import { hashPassword } from "../password.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { Role } from "../../generated/prisma/enums.ts";
import { may } from "../policy/policy.ts";
import { appendAudit } from "../audit.ts";
import { combinesAdminWithCaseRole } from "../roles.ts";
import type { Tx } from "../tx.ts";
import { AdminError } from "./errors.ts";

/** Serialises user administration (see above). */
const USER_ADMIN_LOCK = 7_390_212;

// --- Input ---------------------------------------------------------------------------

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === "" ? null : v));

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9][a-z0-9._-]{2,31}$/,
    "3–32 characters: letters, digits, dot, dash or underscore, starting with a letter or digit",
  );

/** 18 digits; spaces as printed on documents are removed; empty means none. */
export const nipSchema = z
  .string()
  .transform((v) => v.replace(/\s+/g, ""))
  .refine((v) => v === "" || /^\d{18}$/.test(v), "must be 18 digits")
  .transform((v) => (v === "" ? null : v));

export const rolesSchema = z
  .array(z.enum(Role))
  .min(1, "at least one role")
  .transform((roles) => [...new Set(roles)].sort());

export const profileSchema = z.object({
  name: z.string().trim().min(1).max(150),
  nip: nipSchema,
  rankGrade: optionalText(100),
  position: z.string().trim().min(1).max(200),
  roles: rolesSchema,
});

export const createUserInput = profileSchema.extend({ username: usernameSchema });

export type ProfileInput = z.output<typeof profileSchema>;
export type CreateUserInput = z.output<typeof createUserInput>;

// --- Output --------------------------------------------------------------------------

/** What Admin sees of an account: never the password hash, TOTP secret or backup codes. */
const userSelect = {
  id: true,
  username: true,
  nip: true,
  name: true,
  rankGrade: true,
  position: true,
  roles: true,
  active: true,
  mustChangePassword: true,
  totpEnrolledAt: true,
  lockedUntil: true,
  lastLoginAt: true,
  createdAt: true,
} satisfies Prisma.StaffUserSelect;

export type AdminUserRow = Prisma.StaffUserGetPayload<{ select: typeof userSelect }>;

export async function listUsers(db: Pick<Db, "staffUser">): Promise<AdminUserRow[]> {
  return db.staffUser.findMany({
    select: userSelect,
    orderBy: [{ active: "desc" }, { name: "asc" }, { username: "asc" }],
  });
}

// --- Passwords -----------------------------------------------------------------------

// No 0/O, 1/l/I: read off the screen and typed by hand.
const PASSWORD_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** 20 random symbols (~115 bits) in groups of five, e.g. `k7Pmq-9xQaz-…`. */
export function generatePassword(): string {
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 5 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join(""),
  );
  return groups.join("-");
}

// --- Shared guards -------------------------------------------------------------------

/** Takes the lock and reloads the acting Admin; returns their username for the audit trail. */
async function beginAdminChange(tx: Tx, actorId: string): Promise<string> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${USER_ADMIN_LOCK})`;
  const actor = await tx.staffUser.findUnique({
    where: { id: actorId },
    select: { username: true, active: true, roles: true },
  });
  if (!actor || !actor.active || !may(actor.roles, "administer")) throw new AdminError("not_admin");
  return actor.username;
}

async function loadTarget(tx: Tx, id: string) {
  const user = await tx.staffUser.findUnique({ where: { id }, select: { ...userSelect, sessionVersion: true } });
  if (!user) throw new AdminError("not_found");
  return user;
}

/** Active Admins other than `exceptId` (roles are filtered in JS: PGlite cannot bind enum arrays). */
async function otherActiveAdmins(tx: Tx, exceptId: string): Promise<number> {
  const active = await tx.staffUser.findMany({
    where: { active: true, id: { not: exceptId } },
    select: { roles: true },
  });
  return active.filter((u) => u.roles.includes(Role.ADMIN)).length;
}

async function assertNipFree(tx: Tx, nip: string | null, exceptId?: string): Promise<void> {
  if (nip === null) return;
  const holder = await tx.staffUser.findFirst({
    where: { nip, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (holder) throw new AdminError("nip_taken");
}

/** A unique violation that slipped past the checks (a writer outside this module). */
function mapUniqueViolation(e: unknown): never {
  if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
    throw new AdminError(JSON.stringify(e.meta ?? {}).includes("nip") ? "nip_taken" : "username_taken");
  }
  throw e;
}

const auditTarget = (id: string) => `user:${id}`;

// --- Changes -------------------------------------------------------------------------

/** An account with a generated password (new, or reset), shown to Admin once and never stored. */
export interface UserWithPassword {
  user: AdminUserRow;
  password: string;
}
export type CreatedUser = UserWithPassword;
export type PasswordReset = UserWithPassword;

/** A generated password and its hash, made before the transaction: argon2 takes ~50 ms and PGlite has one connection. */
async function freshPassword() {
  const password = generatePassword();
  return { password, passwordHash: await hashPassword(password) };
}

export async function createUser(
  db: Db,
  actorId: string,
  input: CreateUserInput,
  now = new Date(),
): Promise<CreatedUser> {
  const { password, passwordHash } = await freshPassword();
  const user = await db
    .$transaction(async (tx) => {
      const actorLabel = await beginAdminChange(tx, actorId);
      if (combinesAdminWithCaseRole(input.roles)) throw new AdminError("admin_case_role");
      if (await tx.staffUser.findUnique({ where: { username: input.username }, select: { id: true } }))
        throw new AdminError("username_taken");
      await assertNipFree(tx, input.nip);
      const created = await tx.staffUser.create({
        data: { ...input, roles: [...input.roles], passwordHash, mustChangePassword: true },
        select: userSelect,
      });
      await appendAudit(tx, {
        actorId,
        actorLabel,
        action: "user.create",
        target: auditTarget(created.id),
        detail: { username: created.username, roles: created.roles },
        at: now,
      });
      return created;
    })
    .catch(mapUniqueViolation);
  return { user, password };
}

const PROFILE_FIELDS = ["name", "nip", "rankGrade", "position"] as const;

export async function updateUser(
  db: Db,
  actorId: string,
  id: string,
  input: ProfileInput,
  now = new Date(),
): Promise<AdminUserRow> {
  return db
    .$transaction(async (tx) => {
      const actorLabel = await beginAdminChange(tx, actorId);
      const target = await loadTarget(tx, id);
      const removed = target.roles.filter((r) => !input.roles.includes(r));
      const added = input.roles.filter((r) => !target.roles.includes(r));
      // Roles are given by someone else: an account never widens (or narrows) its own.
      if (id === actorId && (removed.length > 0 || added.length > 0))
        throw new AdminError(removed.includes(Role.ADMIN) ? "self_lockout" : "self_roles");
      if (combinesAdminWithCaseRole(input.roles)) throw new AdminError("admin_case_role");
      if (removed.includes(Role.ADMIN) && target.active && (await otherActiveAdmins(tx, id)) === 0)
        throw new AdminError("last_admin");
      const fields: string[] = PROFILE_FIELDS.filter((f) => input[f] !== target[f]);
      if (input.nip !== target.nip) await assertNipFree(tx, input.nip, id);
      const rolesChanged = removed.length > 0 || added.length > 0;
      if (rolesChanged) fields.push("roles");
      if (fields.length === 0) return stripVersion(target);

      const updated = await tx.staffUser.update({
        where: { id },
        data: {
          name: input.name,
          nip: input.nip,
          rankGrade: input.rankGrade,
          position: input.position,
          roles: [...input.roles],
          // A changed role takes effect at once: existing sessions must sign in again.
          ...(rolesChanged ? { sessionVersion: { increment: 1 } } : {}),
        },
        select: userSelect,
      });
      await appendAudit(tx, {
        actorId,
        actorLabel,
        action: "user.update",
        target: auditTarget(id),
        detail: {
          username: target.username,
          fields,
          ...(rolesChanged ? { rolesAdded: added, rolesRemoved: removed } : {}),
        },
        at: now,
      });
      return updated;
    })
    .catch(mapUniqueViolation);
}

/** Deactivates (ending every session at once) or reactivates an account. Idempotent. */
export async function setUserActive(
  db: Db,
  actorId: string,
  id: string,
  active: boolean,
  now = new Date(),
): Promise<AdminUserRow> {
  return db.$transaction(async (tx) => {
    const actorLabel = await beginAdminChange(tx, actorId);
    const target = await loadTarget(tx, id);
    if (target.active === active) return stripVersion(target);
    if (!active) {
      if (id === actorId) throw new AdminError("self_lockout");
      if (target.roles.includes(Role.ADMIN) && (await otherActiveAdmins(tx, id)) === 0)
        throw new AdminError("last_admin");
    }
    const updated = await tx.staffUser.update({
      where: { id },
      // Reactivation also starts from a clean slate: no lock left over from before.
      data: active ? { active, failedLoginCount: 0, lockedUntil: null } : { active, sessionVersion: { increment: 1 } },
      select: userSelect,
    });
    await appendAudit(tx, {
      actorId,
      actorLabel,
      action: active ? "user.reactivate" : "user.deactivate",
      target: auditTarget(id),
      detail: { username: target.username },
      at: now,
    });
    return updated;
  });
}

/**
 * The user lost their authenticator: forget the TOTP secret, the replay guard and every
 * backup code, and end their sessions. Their next sign-in enrols a new second factor.
 */
export async function resetSecondFactor(db: Db, actorId: string, id: string, now = new Date()): Promise<AdminUserRow> {
  return db.$transaction(async (tx) => {
    const actorLabel = await beginAdminChange(tx, actorId);
    const target = await loadTarget(tx, id);
    const { count: backupCodes } = await tx.backupCode.deleteMany({ where: { userId: id } });
    const updated = await tx.staffUser.update({
      where: { id },
      data: {
        totpSecret: null,
        totpKeyVersion: null,
        totpEnrolledAt: null,
        lastTotpStep: null,
        sessionVersion: { increment: 1 },
      },
      select: userSelect,
    });
    await appendAudit(tx, {
      actorId,
      actorLabel,
      action: "user.reset_factor",
      target: auditTarget(id),
      detail: {
        username: target.username,
        wasEnrolled: target.totpEnrolledAt !== null,
        backupCodesDeleted: backupCodes,
      },
      at: now,
    });
    return updated;
  });
}

/** The user forgot their password: a new generated one, sessions ended, any lock lifted. */
export async function resetPassword(db: Db, actorId: string, id: string, now = new Date()): Promise<PasswordReset> {
  const { password, passwordHash } = await freshPassword();
  const user = await db.$transaction(async (tx) => {
    const actorLabel = await beginAdminChange(tx, actorId);
    const target = await loadTarget(tx, id);
    const updated = await tx.staffUser.update({
      where: { id },
      data: {
        passwordHash,
        mustChangePassword: true,
        passwordChangedAt: now,
        failedLoginCount: 0,
        lockedUntil: null,
        sessionVersion: { increment: 1 },
      },
      select: userSelect,
    });
    await appendAudit(tx, {
      actorId,
      actorLabel,
      action: "user.reset_password",
      target: auditTarget(id),
      detail: { username: target.username },
      at: now,
    });
    return updated;
  });
  return { user, password };
}

function stripVersion({ sessionVersion: _sv, ...row }: AdminUserRow & { sessionVersion: number }): AdminUserRow {
  return row;
}
