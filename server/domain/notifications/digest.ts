/**
 * The daily digest: for members who chose it, one email listing the notifications recorded
 * before today's digest time, written to the outbox in the transaction that clears their pending
 * marks. Anything recorded after that time waits for tomorrow's digest, so a member gets at most
 * one a day however often the job runs.
 */
import type { Db } from "../../db.ts";
import { zonedInstant, zonedParts } from "../office-time.ts";
import { getSetting } from "../settings.ts";
import type { EmailItem } from "./email-content.ts";
import { loadTiming } from "./notification-settings.ts";
import { enqueueEmail } from "./notify.ts";

/** Returns how many digests were queued. */
export async function queueDigests(db: Db, now = new Date()): Promise<number> {
  const [{ digestTime }, hours] = await Promise.all([loadTiming(db), getSetting(db, "office.hours")]);
  const [h, m] = digestTime.split(":").map(Number) as [number, number];
  const cutoff = zonedInstant(zonedParts(now, hours.timeZone).date, h * 60 + m, hours.timeZone);
  if (now < cutoff) return 0;
  const users = await db.notification.findMany({
    where: { digestPending: true, createdAt: { lt: cutoff } },
    select: { userId: true },
    distinct: ["userId"],
  });
  let queued = 0;
  for (const { userId } of users) {
    const done = await db
      .$transaction(async (tx) => {
        const pending = await tx.notification.findMany({
          where: { userId, digestPending: true, createdAt: { lt: cutoff } },
          orderBy: { createdAt: "asc" },
          take: 500,
        });
        if (pending.length === 0) return false;
        // Conditional: a second instance running the same digest finds nothing left to clear.
        const { count } = await tx.notification.updateMany({
          where: { id: { in: pending.map((n) => n.id) }, digestPending: true },
          data: { digestPending: false },
        });
        if (count !== pending.length) throw new DigestRaceError();
        const items: EmailItem[] = pending.map((n) => ({
          kind: n.kind,
          caseId: n.caseId,
          reference: n.reference,
          step: n.step,
          dueAt: n.dueAt?.toISOString() ?? null,
        }));
        await enqueueEmail(tx, userId, items, now);
        return true;
      })
      .catch((e) => {
        if (e instanceof DigestRaceError) return false;
        throw e;
      });
    if (done) queued++;
  }
  return queued;
}

class DigestRaceError extends Error {
  override name = "DigestRaceError";
}
