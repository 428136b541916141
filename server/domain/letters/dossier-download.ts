/** The dossier on demand: compiled as of now for staff who may see the case (a working copy, not stored); audited. */
import type { Db } from "../../db.ts";
import { LetterType } from "../../generated/prisma/enums.ts";
import { appendAudit } from "../audit.ts";
import { caseKey } from "../cases/access.ts";
import type { StaffContext } from "../cases/acting.ts";
import { dossierLetter, dossierSource, renderDossierSource } from "./dossier.ts";
import { letterFileName, type LetterFile } from "./read.ts";
import { ensureRendered } from "./render-pending.ts";

export async function dossierForStaff(db: Db, ctx: StaffContext, caseId: string): Promise<LetterFile | null> {
  const key = await caseKey(db, ctx.masterKey, ctx.staff, caseId).catch(() => null);
  if (!key) return null;
  const source = await dossierSource(db, key, caseId, ctx.now, null);
  const bytes = await renderDossierSource(source, async (id) => {
    await ensureRendered(db, ctx.masterKey, id);
    const row = await db.letter.findUniqueOrThrow({
      where: { id },
      select: { type: true, number: true, issuedAt: true, signerName: true, sha256: true, content: true },
    });
    return dossierLetter(key, { ...row, content: row.content!, sha256: row.sha256! });
  });
  await appendAudit(db, {
    actorId: ctx.staff.id,
    actorLabel: ctx.staff.username,
    action: "dossier.download",
    caseId,
    at: ctx.now,
  });
  return { bytes, name: letterFileName(LetterType.DOSSIER, null, source.reference), mimeType: "application/pdf" };
}
