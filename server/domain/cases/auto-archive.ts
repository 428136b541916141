/**
 * Side path of the SOP: RESPONDED → ARCHIVED when an online reporter has not acknowledged
 * the response within the configured wait (Case.autoArchiveAt, default 14 office days).
 * Done by the system with the reason recorded; one transaction per case, so a case the
 * reporter acknowledges at the same moment simply loses the race and stays acknowledged.
 */
import type { Db } from "../../db.ts";
import { ArchiveReason, CaseStatus } from "../../generated/prisma/enums.ts";
import { sealText, unwrapDataKey } from "../crypto.ts";
import { issueDossier } from "../letters/dossier.ts";
import { renderAfterCommit } from "../letters/render-pending.ts";
import { transaction } from "../transaction.ts";
import { CaseConflictError, transitionCase } from "./transition.ts";

export async function autoArchiveUnacknowledged(db: Db, masterKey: Buffer, now = new Date()): Promise<string[]> {
  const due = await db.case.findMany({
    where: { status: CaseStatus.RESPONDED, autoArchiveAt: { lte: now } },
    select: { id: true, reference: true, wrappedKey: true },
    take: 500,
  });
  const archived: string[] = [];
  for (const c of due) {
    try {
      const key = unwrapDataKey(masterKey, c.wrappedKey);
      const dossier = await transaction(db, async (tx) => {
        await transitionCase(tx, {
          caseId: c.id,
          from: CaseStatus.RESPONDED,
          to: CaseStatus.ARCHIVED,
          by: { actor: "SYSTEM", label: "system" },
          now,
          reason: sealText(key, "Pelapor tidak mengonfirmasi penerimaan tanggapan dalam batas waktu."),
          data: { archiveReason: ArchiveReason.NOT_ACKNOWLEDGED },
        });
        return issueDossier(tx, key, c.id, { id: null, label: "system" }, now);
      });
      await renderAfterCommit(db, masterKey, [dossier.id]);
      archived.push(c.reference);
    } catch (error) {
      if (!(error instanceof CaseConflictError)) throw error;
    }
  }
  return archived;
}
