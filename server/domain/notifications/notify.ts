/**
 * Records notifications inside the caller's transaction: the in-app rows and, for members with
 * an address who have not switched the kind off, an email outbox row. The move and its notices
 * commit or roll back together, so a notice is never lost and never sent for a move that failed.
 */
import type { Prisma } from "../../generated/prisma/client.ts";
import { type CaseStatus, NotificationKind, type Role } from "../../generated/prisma/enums.ts";
import type { Tx } from "../tx.ts";
import type { EmailItem } from "./email-content.ts";
import { pickRecipients } from "./recipients.ts";

/** "Overdue" always reaches the member: it is the notice the SOP's time limits depend on. */
export const ALWAYS_ON: readonly NotificationKind[] = [NotificationKind.OVERDUE];

export interface CaseNotice {
  caseId: string;
  kind: NotificationKind;
  roles: readonly Role[];
  userIds?: readonly string[];
  exceptUserId?: string | null;
  status?: CaseStatus | null;
  step?: number | null;
  dueAt?: Date | null;
  now: Date;
  /** What the notice needs of the case, when the caller has it (it just wrote the case): not read again. */
  known?: CaseFacts;
}

export interface CaseFacts {
  reference: string;
  involvesLeadership: boolean;
  excludedUserIds: readonly string[];
}

async function readCaseFacts(tx: Tx, caseId: string): Promise<CaseFacts> {
  const c = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { reference: true, involvesLeadership: true, exclusions: { select: { userId: true } } },
  });
  return {
    reference: c.reference,
    involvesLeadership: c.involvesLeadership,
    excludedUserIds: c.exclusions.map((e) => e.userId),
  };
}

/** Notifies everyone the notice is for; returns their ids. */
export async function notifyCase(tx: Tx, n: CaseNotice): Promise<string[]> {
  if (n.roles.length === 0 && !n.userIds?.length) return [];
  const c = n.known ?? (await readCaseFacts(tx, n.caseId));
  const excluded = new Set(c.excludedUserIds);
  // The staff table is small; roles are filtered here because PGlite cannot bind enum-array filters.
  const staff = await tx.staffUser.findMany({
    where: { active: true },
    select: { id: true, roles: true, active: true, email: true, emailDigest: true, mutedNotificationKinds: true },
  });
  const ids = pickRecipients(
    staff.map((s) => ({ id: s.id, roles: s.roles, active: s.active, excluded: excluded.has(s.id) })),
    { roles: n.roles, userIds: n.userIds, involvesLeadership: c.involvesLeadership, exceptUserId: n.exceptUserId },
  );
  const byId = new Map(staff.map((s) => [s.id, s]));
  const item: EmailItem = {
    kind: n.kind,
    caseId: n.caseId,
    reference: c.reference,
    step: n.step ?? null,
    dueAt: n.dueAt?.toISOString() ?? null,
  };
  const wantsEmail = (id: string) => {
    const m = byId.get(id)!;
    return m.email !== null && (ALWAYS_ON.includes(n.kind) || !(m.mutedNotificationKinds ?? []).includes(n.kind));
  };
  // Two statements whatever the number of recipients: this runs inside the move's transaction.
  await tx.notification.createMany({
    data: ids.map((id) => ({
      userId: id,
      caseId: n.caseId,
      reference: c.reference,
      kind: n.kind,
      status: n.status ?? null,
      step: n.step ?? null,
      dueAt: n.dueAt ?? null,
      createdAt: n.now,
      digestPending: wantsEmail(id) && byId.get(id)!.emailDigest,
    })),
  });
  const emailNow = ids.filter((id) => wantsEmail(id) && !byId.get(id)!.emailDigest);
  if (emailNow.length)
    await tx.emailOutbox.createMany({
      data: emailNow.map((userId) => ({
        userId,
        items: [item] as unknown as Prisma.InputJsonValue,
        nextAttemptAt: n.now,
        createdAt: n.now,
      })),
    });
  return ids;
}

export async function enqueueEmail(tx: Tx, userId: string, items: readonly EmailItem[], now: Date) {
  await tx.emailOutbox.create({
    data: { userId, items: items as unknown as Prisma.InputJsonValue, nextAttemptAt: now, createdAt: now },
  });
}
