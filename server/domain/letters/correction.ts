/**
 * Correcting an issued letter. A stored letter never changes: the correction
 * is a new letter, with the next number of its type, that names the one it replaces. Its
 * content is drawn again from the case as it is now (the usual reason: the signer's NIP or
 * rank, or the letterhead, has been put right), signed by the same person; the reason is kept,
 * sealed, on the case timeline.
 */
import { z } from "zod";
import type { Db } from "../../db.ts";
import { AgendaBook, DeliveryMethod } from "../../generated/prisma/enums.ts";
import type { LetterContent, Signer } from "./types.ts";
import { caseKey, CaseNotFoundError } from "../cases/access.ts";
import type { StaffContext } from "../cases/acting.ts";
import { CaseConflictError } from "../cases/transition.ts";
import { openText, sealText } from "../crypto.ts";
import type { Tx } from "../tx.ts";
import { beritaAcaraLetter, catatanLetter, signerOf, suratPengaduanLetter, tanggapanLetter } from "./case-content.ts";
import { type CorrectableLetter, isCorrectable, mayCorrect } from "./correctors.ts";
import { issueLetter } from "./issue.ts";
import { renderAfterCommit } from "./render-pending.ts";
import { transaction } from "../transaction.ts";

export const correctionInput = z.object({ letterId: z.uuid(), reason: z.string().trim().min(5).max(2_000) });

/** The letter's content from the case as it is now. */
async function contentNow(
  tx: Tx,
  key: Buffer,
  caseId: string,
  type: CorrectableLetter,
  signer: Signer,
): Promise<LetterContent> {
  switch (type) {
    case "CATATAN_PENGADUAN": {
      const entry = await tx.agendaEntry.findFirst({
        where: { caseId, book: AgendaBook.PERMOHONAN },
        orderBy: { entryDate: "asc" },
        select: { number: true, summary: true },
      });
      if (!entry)
        throw new CaseConflictError("case.noAgendaEntry", "the case has no entry in the Buku Agenda Permohonan");
      return catatanLetter(tx, key, caseId, signer, {
        number: entry.number,
        subject: entry.summary ? openText(key, entry.summary) : null,
      });
    }
    case "SURAT_PENGADUAN":
      return suratPengaduanLetter(tx, key, caseId, signer);
    case "BERITA_ACARA":
      return beritaAcaraLetter(tx, key, caseId, signer);
    case "TANGGAPAN": {
      const draft = await tx.documentDraft.findUniqueOrThrow({
        where: { caseId_type: { caseId, type } },
        select: { deliveryMethod: true },
      });
      return tanggapanLetter(tx, key, caseId, signer, draft.deliveryMethod ?? DeliveryMethod.PORTAL);
    }
  }
}

export async function correctLetter(db: Db, ctx: StaffContext, input: z.infer<typeof correctionInput>) {
  const corrected = await transaction(db, async (tx) => {
    // Two corrections of one letter at once: the second waits here, then finds it replaced.
    await tx.$executeRaw`SELECT 1 FROM letters WHERE id = ${input.letterId} FOR UPDATE`;
    const old = await tx.letter.findUnique({
      where: { id: input.letterId },
      select: { id: true, caseId: true, type: true, signerId: true, replacedBy: { select: { id: true } } },
    });
    if (!old?.caseId) throw new CaseNotFoundError();
    const key = await caseKey(tx, ctx.masterKey, ctx.staff, old.caseId); // "not found" without access to the case
    if (!isCorrectable(old.type))
      throw new CaseConflictError("letter.notCorrectable", `a ${old.type} is not corrected; it is compiled again`);
    if (!mayCorrect(old.type, ctx.staff.roles))
      throw new CaseConflictError("case.roleMayNot", `${ctx.staff.username} may not correct a ${old.type}`);
    if (old.replacedBy)
      throw new CaseConflictError(
        "letter.alreadyReplaced",
        "that letter has already been replaced; correct the newest one",
      );
    if (!old.signerId)
      throw new CaseConflictError("letter.noSigner", "the letter has no signer to sign its correction");
    const content = await contentNow(tx, key, old.caseId, old.type, await signerOf(tx, old.signerId));
    const letter = await issueLetter(tx, {
      caseId: old.caseId,
      key,
      content,
      signerId: old.signerId,
      actor: { id: ctx.staff.id, label: ctx.staff.username },
      now: ctx.now,
      replacesId: old.id,
      note: sealText(key, input.reason),
    });
    // The approved draft now points at its current letter (the reporter follows replacesId anyway).
    await tx.documentDraft.updateMany({
      where: { caseId: old.caseId, letterId: old.id },
      data: { letterId: letter.id },
    });
    return { id: letter.id, number: letter.number };
  });
  // Rendered after the commit from the stored input (./issue.ts); the old letter stays the reporter's until then.
  await renderAfterCommit(db, ctx.masterKey, [corrected.id]);
  return corrected;
}
