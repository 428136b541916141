/**
 * Issuing a letter, in two parts so that no PDF is rendered while a database transaction
 * holds the yearly counter's row lock:
 * 1. issueLetter, inside the caller's short transaction: take the next number of the type's
 *    yearly sequence (as late as possible: the counter's lock is held until commit), and store
 *    the letter with the exact render input (office, number, date, verification code, content)
 *    sealed under the case key as `source`, and no bytes yet (renderedAt null). A failed step
 *    rolls everything back: no number used, no letter behind.
 * 2. After the commit, renderPending (./render-pending.ts) renders the PDF from exactly that
 *    stored input and stores the bytes, their SHA-256 and renderedAt in one conditional update.
 * Until then no reader sees the letter (lists and verification leave it out; a download renders
 * it first). If the process dies in between, the next access or the periodic sweep renders it
 * from the stored input, the same bytes it would have had. A stored letter's bytes are never
 * changed: a correction is a new letter whose replacesId names the old one.
 */
import { ActorKind, LetterType, TimelineKind } from "../../generated/prisma/enums.ts";
import type { LetterContent, Office, Signer } from "./types.ts";
import { recordCaseEvent } from "../case-event.ts";
import { seal, type Bytes } from "../crypto.ts";
import { zonedParts } from "../office-time.ts";
import { formatNumber, nextSequence } from "../sequence.ts";
import { getSetting } from "../settings.ts";
import type { Tx } from "../tx.ts";
import { generateVerificationCode, LETTER_TYPE_CODES } from "./codes.ts";
import { loadOffice, verificationUrl } from "./office.ts";
import { encodeSource, type RenderSource } from "./render-source.ts";

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
}

export async function issueLetter(tx: Tx, req: IssueRequest): Promise<IssuedLetter> {
  return issuePrepared(tx, await prepareLetter(tx, req));
}

/** What issuing reads before the number is taken. */
export interface PreparedLetter {
  req: IssueRequest;
  office: Office;
  timeZone: string;
  pattern: string;
  replaces: { id: string; number: string | null; issuedAt: Date } | null;
}

/** The reads of issuing (letterhead, number pattern, the letter replaced), done before any counter is locked. */
export async function prepareLetter(tx: Tx, req: IssueRequest): Promise<PreparedLetter> {
  const type = req.content.type as LetterType;
  const [{ office, timeZone }, patterns] = await Promise.all([loadOffice(tx), getSetting(tx, "numbering.letters")]);
  const pattern = patterns[type];
  if (!pattern) throw new LetterError(`no number pattern is set for ${type}`);

  let replaces: {
    id: string;
    number: string | null;
    issuedAt: Date;
    type: LetterType;
    replacedBy: { id: string } | null;
  } | null = null;
  if (req.replacesId) {
    replaces = await tx.letter.findFirst({
      where: { id: req.replacesId, caseId: req.caseId },
      select: { id: true, number: true, issuedAt: true, type: true, replacedBy: { select: { id: true } } },
    });
    if (!replaces || replaces.type !== type)
      throw new LetterError("the letter to replace is not a letter of this case and type");
    if (replaces.replacedBy) throw new LetterError("that letter has already been replaced");
  }
  return { req, office, timeZone, pattern, replaces };
}

/** Takes the number and stores the letter to be rendered; `content` replaces the prepared content (same type). */
export async function issuePrepared(
  tx: Tx,
  p: PreparedLetter,
  content: LetterContent = p.req.content,
): Promise<IssuedLetter> {
  const { req, office, timeZone, pattern, replaces } = p;
  const type = content.type as LetterType;
  if (type !== p.req.content.type) throw new LetterError("the content is not of the prepared type");
  const { year, month } = zonedParts(req.now, timeZone);
  const verificationCode = generateVerificationCode();
  // Last reads done: the counter is taken now, and its row lock is held only for the inserts below.
  const sequence = await nextSequence(tx, `LETTER:${type}`, year);
  const number = formatNumber(pattern, { seq: sequence, year, month, code: LETTER_TYPE_CODES[type] });
  const source: RenderSource = {
    kind: "letter",
    input: {
      office,
      meta: {
        number,
        issuedAt: req.now,
        timeZone,
        verificationCode,
        verificationUrl: verificationUrl(verificationCode, req.baseUrl),
        replaces: replaces?.number ? { number: replaces.number, issuedAt: replaces.issuedAt } : null,
      },
      content,
    },
  };
  const { id } = await storeDocument(tx, {
    caseId: req.caseId,
    key: req.key,
    type,
    year,
    sequence,
    number,
    verificationCode,
    source,
    signer: { id: req.signerId, ...content.signer },
    actor: req.actor,
    now: req.now,
    replacesId: replaces?.id ?? null,
    note: req.note ?? null,
  });
  return { id, type, number, sequence, verificationCode };
}

export interface StoredDocument {
  caseId: string;
  key: Buffer;
  type: LetterType;
  year: number;
  sequence: number | null;
  number: string | null;
  verificationCode: string;
  /** What the PDF is rendered from after the commit. */
  source: RenderSource;
  signer: (Signer & { id: string | null }) | null;
  actor: { id: string | null; label: string };
  now: Date;
  replacesId?: string | null;
  note?: Bytes | null;
}

/** Stores a letter to be rendered (its sealed render input, no bytes yet), with its timeline and audit entries. */
export async function storeDocument(tx: Tx, d: StoredDocument): Promise<{ id: string }> {
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
      source: seal(d.key, encodeSource(d.source)),
      verificationCode: d.verificationCode,
      replacesId: d.replacesId ?? null,
      createdById: d.actor.id,
    },
    select: { id: true },
  });
  await recordCaseEvent(tx, {
    caseId: d.caseId,
    kind: d.replacesId ? TimelineKind.LETTER_REPLACED : TimelineKind.LETTER_ISSUED,
    actor: { kind: d.actor.id ? ActorKind.STAFF : ActorKind.SYSTEM, ...d.actor },
    action: "letter.issue",
    target: `letter:${letter.id}`,
    detail: { type: d.type, number: d.number, ...(d.replacesId ? { replaces: d.replacesId } : {}) },
    note: d.note,
    at: d.now,
  });
  return { id: letter.id };
}
