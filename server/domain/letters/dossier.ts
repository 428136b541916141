/**
 * The case dossier (Dokumen Pengelolaan WBS): compiled from the case, its step records and
 * its stored letters. Issued and stored at archiving (step 8, and the system's auto-archive);
 * compiled afresh on demand for staff who may see the case (audited download).
 */
import type { Db } from "../../db.ts";
import { CaseStatus, LetterType, TimelineKind } from "../../generated/prisma/enums.ts";
import { renderDossier, type DossierInput } from "../../letters/dossier.tsx";
import { messagesFor } from "../../../i18n/messages.ts";
import { appendAudit } from "../audit.ts";
import { caseKey } from "../cases/access.ts";
import type { StaffContext } from "../cases/acting.ts";
import { open } from "../crypto.ts";
import { zonedParts } from "../office-time.ts";
import type { Tx } from "../tx.ts";
import { categoryLabel, channelLabel } from "./case-content.ts";
import { generateVerificationCode } from "./codes.ts";
import { storeDocument } from "./issue.ts";
import { loadOffice, verificationUrl } from "./office.ts";
import { letterFileName, letterTitle, type LetterFile } from "./read.ts";

const STATUS = messagesFor("id").workspace.status;
const KIND = messagesFor("id").caseFile.kind;
const STEP_NAMES: Record<number, string> = { 2: "Pencatatan", 3: "Penelaahan", 4: "Rapat pembahasan", 5: "Berita Acara", 6: "Tanggapan", 7: "Penerimaan tanggapan", 8: "Pengarsipan" };

/** Compiles the dossier's PDF from the database as it is now (inside a transaction or not). */
export async function compileDossier(db: Db | Tx, key: Buffer, caseId: string, now: Date, verificationCode: string | null): Promise<Buffer> {
  const [{ office, timeZone }, c] = await Promise.all([
    loadOffice(db),
    db.case.findUniqueOrThrow({
      where: { id: caseId },
      select: {
        reference: true,
        category: true,
        channel: true,
        status: true,
        receivedAt: true,
        archivedAt: true,
        stepRecords: { orderBy: { step: "asc" } },
        timeline: { orderBy: { createdAt: "asc" }, select: { kind: true, fromStatus: true, toStatus: true, actorKind: true, createdAt: true, actor: { select: { name: true } } } },
        letters: { where: { type: { not: LetterType.DOSSIER } }, orderBy: { issuedAt: "asc" }, select: { type: true, number: true, issuedAt: true, signerName: true, sha256: true, content: true } },
        attachments: { orderBy: { createdAt: "asc" }, select: { fileName: true, mimeType: true, size: true, sha256: true, authorKind: true, createdAt: true } },
      },
    }),
  ]);
  const input: DossierInput = {
    office,
    meta: { issuedAt: now, timeZone, verification: verificationCode ? { code: verificationCode, url: verificationUrl(verificationCode) } : null },
    reference: c.reference,
    category: categoryLabel(c.category),
    channel: channelLabel(c.channel),
    status: STATUS[c.status],
    receivedAt: c.receivedAt,
    archivedAt: c.archivedAt,
    steps: c.stepRecords.map((s) => ({ step: s.step, name: STEP_NAMES[s.step] ?? String(s.step), startedAt: s.startedAt, completedAt: s.completedAt, officeMinutes: s.officeMinutes, standardMinutes: s.standardMinutes, withinStandard: s.withinStandard })),
    timeline: c.timeline.map((e) => ({
      at: e.createdAt,
      what: e.kind !== TimelineKind.TRANSITION ? KIND[e.kind] : e.fromStatus && e.toStatus ? `${STATUS[e.fromStatus]} → ${STATUS[e.toStatus]}` : KIND.CREATED,
      // The reporter is never named; staff by name, the system as such.
      who: e.actor?.name ?? (e.actorKind === "REPORTER" ? "Pelapor" : "Sistem"),
    })),
    letters: c.letters.map((l) => ({ title: letterTitle(l.type), number: l.number, issuedAt: l.issuedAt, signer: l.signerName, sha256: Buffer.from(l.sha256).toString("hex"), pdf: open(key, l.content) })),
    attachments: c.attachments.map((a) => ({
      name: open(key, a.fileName).toString("utf8"),
      mimeType: a.mimeType,
      size: a.size,
      sha256: Buffer.from(a.sha256).toString("hex"),
      from: a.authorKind === "REPORTER" ? "Pelapor" : "Petugas",
      at: a.createdAt,
    })),
  };
  return renderDossier(input);
}

/** Step 8: the dossier as archived, stored like a letter (unnumbered). Call after the transition to ARCHIVED. */
export async function issueDossier(tx: Tx, key: Buffer, caseId: string, actor: { id: string | null; label: string }, now: Date) {
  const status = (await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { status: true } })).status;
  if (status !== CaseStatus.ARCHIVED) throw new Error("the dossier is issued when the case is archived");
  const verificationCode = generateVerificationCode();
  const pdf = await compileDossier(tx, key, caseId, now, verificationCode);
  const { timeZone } = await loadOffice(tx);
  return storeDocument(tx, { caseId, key, type: LetterType.DOSSIER, year: zonedParts(now, timeZone).year, sequence: null, number: null, verificationCode, pdf, signer: null, actor, now });
}

/** On demand: the dossier as of now (a working copy: not stored, so no verification code), for staff who may see the case; audited. */
export async function dossierForStaff(db: Db, ctx: StaffContext, caseId: string): Promise<LetterFile | null> {
  const key = await caseKey(db, ctx.masterKey, ctx.staff, caseId).catch(() => null);
  if (!key) return null;
  const { reference } = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { reference: true } });
  const bytes = await compileDossier(db, key, caseId, ctx.now, null);
  await appendAudit(db, { actorId: ctx.staff.id, actorLabel: ctx.staff.username, action: "dossier.download", caseId, at: ctx.now });
  return { bytes, name: letterFileName(LetterType.DOSSIER, null, reference), mimeType: "application/pdf" };
}
