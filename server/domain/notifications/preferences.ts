/**
 * A member's email address and notification choices. The member edits their own on the
 * notifications page; Admin can set any member's address (accounts are made by Admin, and the
 * address often comes with the account). Each change is audited without the address itself.
 */
import { z } from "zod";
import type { Db } from "../../db.ts";
import { NotificationKind } from "../../generated/prisma/enums.ts";
import { may } from "../policy/policy.ts";
import { appendAudit } from "../audit.ts";
import { ALWAYS_ON } from "./notify.ts";

export const emailSchema = z
  .union([z.email().max(320), z.literal("")])
  .transform((v) => (v === "" ? null : v.toLowerCase()));

export const MUTABLE_KINDS = Object.values(NotificationKind).filter((k) => !ALWAYS_ON.includes(k));

export const preferencesInput = z.object({
  email: emailSchema,
  emailLocale: z.enum(["id", "en"]),
  emailDigest: z.boolean(),
  mutedKinds: z.array(z.enum(MUTABLE_KINDS as [NotificationKind, ...NotificationKind[]])).max(MUTABLE_KINDS.length),
});

export async function getPreferences(db: Pick<Db, "staffUser">, userId: string) {
  const u = await db.staffUser.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, emailLocale: true, emailDigest: true, mutedNotificationKinds: true },
  });
  return {
    email: u.email ?? "",
    emailLocale: u.emailLocale === "en" ? ("en" as const) : ("id" as const),
    emailDigest: u.emailDigest,
    mutedKinds: u.mutedNotificationKinds ?? [],
    mutableKinds: MUTABLE_KINDS,
  };
}

export async function savePreferences(
  db: Db,
  user: { id: string; username: string },
  input: z.output<typeof preferencesInput>,
  now = new Date(),
) {
  await db.$transaction(async (tx) => {
    const before = await tx.staffUser.findUniqueOrThrow({ where: { id: user.id }, select: { email: true } });
    await tx.staffUser.update({
      where: { id: user.id },
      data: {
        email: input.email,
        emailLocale: input.emailLocale,
        emailDigest: input.emailDigest,
        mutedNotificationKinds: [...new Set(input.mutedKinds)],
      },
    });
    await appendAudit(tx, {
      actorId: user.id,
      actorLabel: user.username,
      action: "account.notifications",
      detail: {
        emailChanged: before.email !== input.email,
        digest: input.emailDigest,
        muted: [...new Set(input.mutedKinds)],
      },
      at: now,
    });
  });
}

export async function setStaffEmail(db: Db, actorId: string, userId: string, email: string | null, now = new Date()) {
  await db.$transaction(async (tx) => {
    const actor = await tx.staffUser.findUnique({
      where: { id: actorId },
      select: { username: true, active: true, roles: true },
    });
    if (!actor?.active || !may(actor.roles, "administer")) throw new Error("not an active Admin");
    await tx.staffUser.update({ where: { id: userId }, data: { email } });
    await appendAudit(tx, {
      actorId,
      actorLabel: actor.username,
      action: "user.email",
      target: `user:${userId}`,
      detail: { set: email !== null },
      at: now,
    });
  });
}

/** The member's notifications, newest first, and how many are unread. */
export async function listNotifications(
  db: Pick<Db, "notification">,
  userId: string,
  options: { take?: number; unreadOnly?: boolean } = {},
) {
  const where = { userId, ...(options.unreadOnly ? { readAt: null } : {}) };
  const [items, unread] = await Promise.all([
    db.notification.findMany({
      where,
      orderBy: { createdAt: "desc" },
      take: options.take ?? 50,
      select: {
        id: true,
        caseId: true,
        reference: true,
        kind: true,
        status: true,
        step: true,
        dueAt: true,
        createdAt: true,
        readAt: true,
      },
    }),
    db.notification.count({ where: { userId, readAt: null } }),
  ]);
  return { items, unread };
}

export const unreadCount = (db: Pick<Db, "notification">, userId: string) =>
  db.notification.count({ where: { userId, readAt: null } });

/** Marks the member's own notifications read (others' ids are ignored). */
export async function markRead(
  db: Pick<Db, "notification">,
  userId: string,
  ids: readonly string[] | "all",
  now = new Date(),
) {
  const { count } = await db.notification.updateMany({
    where: { userId, readAt: null, ...(ids === "all" ? {} : { id: { in: [...ids] } }) },
    data: { readAt: now },
  });
  return { marked: count };
}
