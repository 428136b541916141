/**
 * The retention run: every archived case whose period under Setting `retention.archive` has
 * passed loses its content (destroy-case.ts), one short transaction per case, so a failure
 * leaves that case as it was and the others still go. A run that destroyed anything ends
 * with one audit record listing the references, like a *Berita Acara Pemusnahan*.
 * Running again finds nothing more to do.
 */
import type { Db } from "../../db.ts";
import { CaseStatus } from "../../generated/prisma/enums.ts";
import { appendAudit } from "../audit.ts";
import { getSetting } from "../settings.ts";
import { destroyCaseContent, type DestroyedCase } from "./destroy-case.ts";
import { archivedOnOrBefore } from "./period.ts";

const DAY = 86_400_000;

export interface RetentionRunResult {
  enabled: boolean;
  destroyed: DestroyedCase[];
  /** References of cases whose destruction failed (left as they were); the next run tries again. */
  failed: { reference: string; error: string }[];
}

/** A driver error as one short line (Prisma's messages start with an empty line and quote the call). */
const oneLine = (e: unknown) =>
  (e instanceof Error ? e.message : String(e))
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .join(" ")
    .slice(0, 300);

export async function runRetention(db: Db, now = new Date()): Promise<RetentionRunResult> {
  const [rule, hours] = await Promise.all([getSetting(db, "retention.archive"), getSetting(db, "office.hours")]);
  if (!rule.enabled) return { enabled: false, destroyed: [], failed: [] };
  const { timeZone } = hours;
  // Month ends make the inverse inexact by up to three days; destroyCaseContent checks each case exactly.
  const bound = new Date(archivedOnOrBefore(now, rule, timeZone).getTime() + 4 * DAY);
  const candidates = await db.case.findMany({
    where: { status: CaseStatus.ARCHIVED, destroyedAt: null, archivedAt: { lte: bound } },
    select: { id: true, reference: true },
    orderBy: { archivedAt: "asc" },
  });

  const destroyed: DestroyedCase[] = [];
  const failed: RetentionRunResult["failed"] = [];
  for (const c of candidates) {
    try {
      const done = await db.$transaction((tx) => destroyCaseContent(tx, c.id, rule, timeZone, now));
      if (done) destroyed.push(done);
    } catch (e) {
      failed.push({ reference: c.reference, error: oneLine(e) });
    }
  }
  if (destroyed.length) {
    await appendAudit(db, {
      actorLabel: "system",
      action: "retention.run",
      target: "setting:retention.archive",
      detail: {
        references: destroyed.map((d) => d.reference),
        failed: failed.map((f) => f.reference),
        rule: { setting: "retention.archive", years: rule.years, months: rule.months },
      },
      at: now,
    });
  }
  return { enabled: true, destroyed, failed };
}
