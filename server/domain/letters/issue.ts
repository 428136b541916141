/**
 * Issuing a letter (issue 5 item 3): take the next number of the type's yearly sequence,
 * render the PDF, and store exactly those bytes sealed under the case key with their SHA-256
 * and a verification code. Runs inside the caller's transaction, so a failed step leaves no
 * number used and no letter behind; the row lock of the sequence serialises concurrent issues.
 * A stored letter is never updated: a correction is a new letter whose replacesId names the old one.
 */
import { ActorKind, LetterType, TimelineKind } from "../../generated/prisma/enums.ts";
import { renderLetter } from "../../letters/render.tsx";
import type { LetterContent, Signer } from "../../letters/types.ts";
import { appendAudit } from "../audit.ts";
import { seal, sha256, type Bytes } from "../crypto.ts";
import { zonedParts } from "../office-time.ts";
import { formatNumber, nextSequence } from "../sequence.ts";
import { getSetting } from "../settings.ts";
import type { Tx } from "../tx.ts";
import { generateVerificationCode, LETTER_TYPE_CODES } from "./codes.ts";
import { loadOffice, verificationUrl } from "./office.ts";

export class LetterError extends Error {
  override name = "LetterError";
}

export interface IssueRequest {
  caseId: string;
  /** The case's data key (the PDF is sealed under it). */
  key: Buffer;
  content: LetterContent;
  /** Staff user whose signature block the letter carries. */
  signerId: string | null;
  /** Who issued it (audit and Letter.createdBy); null for the system. */
  actor: { id: string | null; label: string };
  now: Date;
  /** The letter this one corrects. */
  replacesId?: string | null;
  /** Why (sealed under the case key), for the timeline. */
  note?: Bytes | null;
  /** Public base URL for the QR code (default from configuration). */
  baseUrl?: string;
}

export interface IssuedLetter {
  id: string;
  type: LetterType;
  number: string;
  sequence: number;
  verificationCode: string;
  sha256: Buffer;
  pdf: Buffer;
}

export async function issueLetter(tx: Tx, req: IssueRequest): Promise<IssuedLetter> {
  const type = req.content.type as LetterType;
  const [{ office, timeZone }, patterns] = await Promise.all([loadOffice(tx), getSetting(tx, "numbering.letters")]);
  const pattern = patterns[type];
  if (!pattern) throw new LetterError(`no number pattern is set for ${type}`);

  let replaces: { id: string; number: string | null; issuedAt: Date; type: LetterType; replacedBy: { id: string } | null } | null = null;
  if (req.replacesId) {
    replaces = await tx.letter.findFirst({ where: { id: req.replacesId, caseId: req.caseId }, select: { id: true, number: true, issuedAt: true, type: true, replacedBy: { select: { id: true } } } });
    if (!replaces || replaces.type !== type) throw new LetterError("the letter to replace is not a letter of this case and type");
    if (replaces.replacedBy) throw new LetterError("that letter has already been replaced");
  }

  const { year, month } = zonedParts(req.now, timeZone);
  const sequence = await nextSequence(tx, `LETTER:${type}`, year);
  const number = formatNumber(pattern, { seq: sequence, year, month, code: LETTER_TYPE_CODES[type] });
  const verificationCode = generateVerificationCode();
  const pdf = await renderLetter({
    office,
    meta: {
      number,
      issuedAt: req.now,
      timeZone,
      verificationCode,
      verificationUrl: verificationUrl(verificationCode, req.baseUrl),
      replaces: replaces?.number ? { number: replaces.number, issuedAt: replaces.issuedAt } : null,
    },
    content: req.content,
  });
  const { id, sha256: hash } = await storeDocument(tx, {
    caseId: req.caseId,
    key: req.key,
    type,
    year,
    sequence,
    number,
    verificationCode,
    pdf,
    signer: { id: req.signerId, ...req.content.signer },
    actor: req.actor,
    now: req.now,
    replacesId: replaces?.id ?? null,
    note: req.note ?? null,
  });
  return { id, type, number, sequence, verificationCode, sha256: hash, pdf };
}

export interface StoredDocument {
  caseId: string;
  key: Buffer;
  type: LetterType;
  year: number;
  sequence: number | null;
  number: string | null;
  verificationCode: string;
  pdf: Buffer;
  signer: (Signer & { id: string | null }) | null;
  actor: { id: string | null; label: string };
  now: Date;
  replacesId?: string | null;
  note?: Bytes | null;
}

/** Stores rendered bytes as an immutable Letter (sealed, hashed), with its timeline and audit entries. */
export async function storeDocument(tx: Tx, d: StoredDocument): Promise<{ id: string; sha256: Buffer }> {
  const hash = sha256(d.pdf);
  const letter = await tx.letter.create({
    data: {
      caseId: d.caseId,
      type: d.type,
      year: d.year,
      sequence: d.sequence,
      number: d.number,
      issuedAt: d.now,
      signerId: d.signer?.id ?? null,
      signerName: d.signer?.name ?? null,
      signerNip: d.signer?.nip ?? null,
      signerRank: d.signer?.rankGrade ?? null,
      signerPosition: d.signer?.position ?? null,
      content: seal(d.key, d.pdf),
      size: d.pdf.length,
      sha256: hash,
      verificationCode: d.verificationCode,
      replacesId: d.replacesId ?? null,
      createdById: d.actor.id,
    },
    select: { id: true },
  });
  await tx.timelineEvent.create({
    data: { caseId: d.caseId, kind: d.replacesId ? TimelineKind.LETTER_REPLACED : TimelineKind.LETTER_ISSUED, actorKind: d.actor.id ? ActorKind.STAFF : ActorKind.SYSTEM, actorId: d.actor.id, note: d.note ?? null, createdAt: d.now },
  });
  await appendAudit(tx, {
    actorId: d.actor.id,
    actorLabel: d.actor.label,
    action: "letter.issue",
    caseId: d.caseId,
    target: `letter:${letter.id}`,
    detail: { type: d.type, number: d.number, sha256: hash.toString("hex"), ...(d.replacesId ? { replaces: d.replacesId } : {}) },
    at: d.now,
  });
  return { id: letter.id, sha256: hash };
}
