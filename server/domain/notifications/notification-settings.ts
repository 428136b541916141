/**
 * Notification settings, kept in the Setting table under their own keys and edited only through
 * the notification section of the Admin page: the SMTP password is stored sealed under the
 * master key and is never sent back to a browser, so these keys stay out of the generic settings
 * editor (server/domain/settings.ts).
 */
import { z } from "zod";
import type { Db } from "../../db.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { may } from "../policy/policy.ts";
import { appendAudit } from "../audit.ts";
import { openUnderMasterKey, seal, type MasterKey } from "../crypto.ts";
import type { Tx } from "../tx.ts";

export const SMTP_KEY = "notifications.smtp";
export const TIMING_KEY = "notifications.timing";
/** Binds the sealed password to its purpose. */
const PASSWORD_AAD = Buffer.from("lentera:smtp-password:v1");

export const TLS_MODES = ["none", "starttls", "tls"] as const;

const stored = z.object({
  enabled: z.boolean(),
  host: z.string().trim().max(253),
  port: z.number().int().min(1).max(65_535),
  /** none: plain SMTP (a relay on the office network); starttls: upgrade, required; tls: implicit TLS (465). */
  tls: z.enum(TLS_MODES),
  user: z.string().max(320),
  /** base64 of the sealed password; null: no authentication. */
  passwordSealed: z.string().nullable(),
  from: z.union([z.email(), z.literal("")]),
});
export type StoredSmtp = z.infer<typeof stored>;

export const SMTP_DEFAULTS: StoredSmtp = {
  enabled: false,
  host: "",
  port: 587,
  tls: "starttls",
  user: "",
  passwordSealed: null,
  from: "",
};

/** What Admin submits. `password`: undefined keeps the stored one, "" removes it. */
export const smtpInput = z
  .object({
    enabled: z.boolean(),
    host: z
      .string()
      .trim()
      .max(253)
      .regex(/^[A-Za-z0-9.-]*$/, "host"),
    port: z.number().int().min(1).max(65_535),
    tls: z.enum(TLS_MODES),
    user: z.string().trim().max(320),
    password: z.string().max(1_000).optional(),
    from: z.union([z.email(), z.literal("")]),
  })
  .refine((v) => !v.enabled || (v.host !== "" && v.from !== ""), {
    message: "host and sender are needed to send",
    path: ["host"],
  });

export const timingInput = z.object({
  /** "Due soon" this many minutes before a step's due time. */
  dueSoonMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  /** Daily digest time, office time zone. */
  digestTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
});
export type Timing = z.infer<typeof timingInput>;
export const TIMING_DEFAULTS: Timing = { dueSoonMinutes: 10, digestTime: "07:30" };

export async function loadSmtp(db: Pick<Db, "setting">): Promise<StoredSmtp> {
  const row = await db.setting.findUnique({ where: { key: SMTP_KEY } });
  const parsed = row ? stored.safeParse(row.value) : null;
  return parsed?.success ? parsed.data : { ...SMTP_DEFAULTS };
}

export async function loadTiming(db: Pick<Db, "setting">): Promise<Timing> {
  const row = await db.setting.findUnique({ where: { key: TIMING_KEY } });
  const parsed = row ? timingInput.safeParse(row.value) : null;
  return parsed?.success ? parsed.data : { ...TIMING_DEFAULTS };
}

/** The stored settings as Admin sees them: whether a password is set, never the password. */
export async function smtpForAdmin(db: Pick<Db, "setting">) {
  const { passwordSealed, ...rest } = await loadSmtp(db);
  return { ...rest, hasPassword: passwordSealed !== null, timing: await loadTiming(db) };
}

/** During a master-key rotation the password may still be sealed under the previous key. */
export function openPassword(masterKey: Buffer, s: StoredSmtp): string | null {
  return s.passwordSealed === null
    ? null
    : openUnderMasterKey(masterKey, Buffer.from(s.passwordSealed, "base64"), PASSWORD_AAD).toString("utf8");
}

/**
 * Seals the stored SMTP password under the current master key; part of the transaction that
 * finishes a master-key rotation, after which the previous key is gone. Returns 1 if re-sealed.
 */
export async function resealSmtpPassword(tx: Tx, keys: MasterKey): Promise<number> {
  const smtp = await loadSmtp(tx);
  const password = openPassword(keys, smtp);
  if (password === null) return 0;
  const value: StoredSmtp = { ...smtp, passwordSealed: seal(keys, password, PASSWORD_AAD).toString("base64") };
  await tx.setting.update({ where: { key: SMTP_KEY }, data: { value: value as Prisma.InputJsonValue } });
  return 1;
}

async function assertAdmin(tx: Tx, actorId: string) {
  const actor = await tx.staffUser.findUnique({
    where: { id: actorId },
    select: { username: true, active: true, roles: true },
  });
  if (!actor || !actor.active || !may(actor.roles, "administer")) throw new Error("not an active Admin");
  return actor;
}

export async function saveSmtp(
  db: Db,
  masterKey: Buffer,
  actorId: string,
  input: z.infer<typeof smtpInput>,
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const actor = await assertAdmin(tx, actorId);
    const before = await loadSmtp(tx);
    const passwordSealed =
      input.password === undefined
        ? before.passwordSealed
        : input.password === ""
          ? null
          : seal(masterKey, input.password, PASSWORD_AAD).toString("base64");
    const value: StoredSmtp = {
      enabled: input.enabled,
      host: input.host,
      port: input.port,
      tls: input.tls,
      user: input.user,
      passwordSealed,
      from: input.from,
    };
    await tx.setting.upsert({
      where: { key: SMTP_KEY },
      create: { key: SMTP_KEY, value: value as Prisma.InputJsonValue, updatedById: actorId },
      update: { value: value as Prisma.InputJsonValue, updatedById: actorId },
    });
    // Field names only: the audit trail never holds the password or its box.
    const fields = (Object.keys(value) as (keyof StoredSmtp)[]).filter((k) =>
      k === "passwordSealed" ? input.password !== undefined : value[k] !== before[k],
    );
    await appendAudit(tx, {
      actorId,
      actorLabel: actor.username,
      action: "setting.update",
      target: `setting:${SMTP_KEY}`,
      detail: { key: SMTP_KEY, fields: fields.map((f) => (f === "passwordSealed" ? "password" : f)) },
      at: now,
    });
  });
}

export async function saveTiming(db: Db, actorId: string, input: Timing, now = new Date()) {
  return db.$transaction(async (tx) => {
    const actor = await assertAdmin(tx, actorId);
    await tx.setting.upsert({
      where: { key: TIMING_KEY },
      create: { key: TIMING_KEY, value: input, updatedById: actorId },
      update: { value: input, updatedById: actorId },
    });
    await appendAudit(tx, {
      actorId,
      actorLabel: actor.username,
      action: "setting.update",
      target: `setting:${TIMING_KEY}`,
      detail: { key: TIMING_KEY, fields: Object.keys(input) },
      at: now,
    });
  });
}
