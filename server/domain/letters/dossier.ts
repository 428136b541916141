/**
 * The case dossier (Dokumen Pengelolaan WBS): compiled from the case, its step records and
 * its stored letters. Issued and stored at archiving (step 8, and the system's auto-archive),
 * like a letter: the transaction stores its render input (the case as archived, and the ids of
 * its letters, whose stored bytes never change) and the PDF is rendered after the commit
 * (./render-pending.ts). Compiled afresh on demand for staff (./dossier-download.ts).
 */
import type { Db } from "../../db.ts";
import { CaseStatus, LetterType, TimelineKind } from "../../generated/prisma/enums.ts";
import { messagesFor } from "../../../i18n/messages.ts";
import { open } from "../crypto.ts";
import { zonedParts } from "../office-time.ts";
import type { Tx } from "../tx.ts";
import { categoryLabel, channelLabel } from "./case-content.ts";
import { generateVerificationCode } from "./codes.ts";
import { storeDocument } from "./issue.ts";
import { loadOffice, verificationUrl } from "./office.ts";
import { pdfRenderer } from "./renderer.ts";
import type { DossierLetter, DossierSource } from "./types.ts";
import { letterTitle } from "./titles.ts";

const STATUS = messagesFor("id").workspace.status;
const KIND = messagesFor("id").caseFile.kind;
const STEP_NAMES: Record<number, string> = {
  2: "Pencatatan",
  3: "Penelaahan",
  4: "Rapat pembahasan",
  5: "Berita Acara",
  6: "Tanggapan",
  7: "Penerimaan tanggapan",
  8: "Pengarsipan",
};

export type { DossierLetter, DossierSource };

/** The dossier's input from the database as it is now (inside a transaction or not); cheap: no PDF work. */
export async function dossierSource(
  db: Db | Tx,
  key: Buffer,
  caseId: string,
  now: Date,
  verificationCode: string | null,
): Promise<DossierSource> {
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
        timeline: {
          orderBy: { createdAt: "asc" },
          select: {
            kind: true,
            fromStatus: true,
            toStatus: true,
            actorKind: true,
            createdAt: true,
            actor: { select: { name: true } },
          },
        },
        letters: {
          where: { type: { not: LetterType.DOSSIER } },
          orderBy: [{ issuedAt: "asc" }, { id: "asc" }],
          select: { id: true },
        },
        attachments: {
          orderBy: { createdAt: "asc" },
          select: { fileName: true, mimeType: true, size: true, sha256: true, authorKind: true, createdAt: true },
        },
      },
    }),
  ]);
  return {
    office,
    meta: {
      issuedAt: now,
      timeZone,
      verification: verificationCode ? { code: verificationCode, url: verificationUrl(verificationCode) } : null,
    },
    reference: c.reference,
    category: categoryLabel(c.category),
    channel: channelLabel(c.channel),
    status: STATUS[c.status],
    receivedAt: c.receivedAt,
    archivedAt: c.archivedAt,
    steps: c.stepRecords.map((s) => ({
      step: s.step,
      name: STEP_NAMES[s.step] ?? String(s.step),
      startedAt: s.startedAt,
      completedAt: s.completedAt,
      officeMinutes: s.officeMinutes,
      standardMinutes: s.standardMinutes,
      withinStandard: s.withinStandard,
    })),
    timeline: c.timeline.map((e) => ({
      at: e.createdAt,
      what:
        e.kind !== TimelineKind.TRANSITION
          ? KIND[e.kind]
          : e.fromStatus && e.toStatus
            ? `${STATUS[e.fromStatus]} → ${STATUS[e.toStatus]}`
            : KIND.CREATED,
      // The reporter is never named; staff by name, the system as such.
      who: e.actor?.name ?? (e.actorKind === "REPORTER" ? "Pelapor" : "Sistem"),
    })),
    letterIds: c.letters.map((l) => l.id),
    attachments: c.attachments.map((a) => ({
      name: open(key, a.fileName).toString("utf8"),
      mimeType: a.mimeType,
      size: a.size,
      sha256: Buffer.from(a.sha256).toString("hex"),
      from: a.authorKind === "REPORTER" ? "Pelapor" : "Petugas",
      at: a.createdAt,
    })),
  };
}

/** Renders a dossier source; `letter` gives each named letter's stored bytes (rendering it first if need be). */
export async function renderDossierSource(
  source: DossierSource,
  letter: (id: string) => Promise<DossierLetter>,
): Promise<Buffer> {
  const { letterIds, ...rest } = source;
  const letters: DossierLetter[] = [];
  for (const id of letterIds) letters.push(await letter(id));
  return pdfRenderer().dossier({ ...rest, letters });
}

/** A stored letter as the dossier lists it (title, number, signer, SHA-256) with its bytes. */
export function dossierLetter(
  key: Buffer,
  row: {
    type: LetterType;
    number: string | null;
    issuedAt: Date;
    signerName: string | null;
    sha256: Uint8Array;
    content: Uint8Array;
  },
): DossierLetter {
  return {
    title: letterTitle(row.type),
    number: row.number,
    issuedAt: row.issuedAt,
    signer: row.signerName,
    sha256: Buffer.from(row.sha256).toString("hex"),
    pdf: open(key, row.content),
  };
}

/** Step 8: the dossier as archived, stored like a letter (unnumbered) and rendered after the commit. Call after the transition to ARCHIVED. */
export async function issueDossier(
  tx: Tx,
  key: Buffer,
  caseId: string,
  actor: { id: string | null; label: string },
  now: Date,
) {
  const status = (await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { status: true } })).status;
  if (status !== CaseStatus.ARCHIVED) throw new Error("the dossier is issued when the case is archived");
  const verificationCode = generateVerificationCode();
  const input = await dossierSource(tx, key, caseId, now, verificationCode);
  return storeDocument(tx, {
    caseId,
    key,
    type: LetterType.DOSSIER,
    year: zonedParts(now, input.meta.timeZone).year,
    sequence: null,
    number: null,
    verificationCode,
    source: { kind: "dossier", input },
    signer: null,
    actor,
    now,
  });
}
