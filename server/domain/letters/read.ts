/**
 * Reading issued letters: downloads for staff (role and case access, audited), the reporter's
 * own Tanggapan (audited as "reporter"), the staff case page's list, and the public
 * verification, which confirms a letter exists and reveals nothing of its content.
 * A letter whose PDF is not stored yet (renderedAt null, see ./issue.ts) is left out of every
 * list and verification; a staff download renders it first.
 */
import { staffOfClaims, working, type SessionAccount, type SessionClaims } from "../staff-session.ts";
import type { Db } from "../../db.ts";
import { LetterType } from "../../generated/prisma/enums.ts";
import { appendAudit } from "../audit.ts";
import { mayViewCase } from "../cases/access.ts";
import { DecryptionError, open, sha256, unwrapDataKey } from "../crypto.ts";
import { getSetting } from "../settings.ts";
import { officeFullName } from "../office-facts.ts";
import { normaliseVerificationCode } from "./codes.ts";
import { letterTitle } from "./titles.ts";
import { ensureRendered } from "./render-pending.ts";

export interface LetterFile {
  bytes: Buffer;
  name: string;
  mimeType: string;
}

/** "tanggapan-pengaduan-wbs-503-1-TGP-WBS-DPMPTSP-2026.pdf" */
export function letterFileName(type: LetterType, number: string | null, reference?: string): string {
  const slug = (s: string) => s.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return `${slug(letterTitle(type)).toLowerCase()}-${slug(number ?? reference ?? "")}.pdf`;
}

/** The stored bytes, checked against the SHA-256 taken at issue: a damaged letter is never served as genuine. */
function openLetter(key: Buffer, row: { content: Uint8Array | null; sha256: Uint8Array | null }): Buffer {
  if (!row.content || !row.sha256) throw new DecryptionError("the letter has no stored bytes yet");
  const pdf = open(key, row.content);
  if (!sha256(pdf).equals(Buffer.from(row.sha256)))
    throw new DecryptionError("stored letter does not match its SHA-256");
  return pdf;
}

type DownloadRow = SessionAccount & {
  caseId: string | null;
  type: LetterType;
  number: string | null;
  content: Uint8Array | null;
  sha256: Uint8Array | null;
  reference: string;
  wrappedKey: Uint8Array;
  involvesLeadership: boolean;
  excludesUser: boolean;
};

/**
 * A letter for the staff session with these claims, audited; null ("not found") unless the
 * session works and its user may see the letter's case. The account, its session record, the
 * letter and the case facts come from one call (SQL function letter_download_read): staffFromClaims and a scoped
 * findFirst took three queries, most of a download's cost on the embedded database. The rules
 * are the same functions everyone else uses (staffOfClaims, working, mayViewCase).
 */
export async function staffLetter(
  db: Db,
  claims: SessionClaims,
  letterId: string,
  at: { masterKey: Buffer; now: Date },
): Promise<LetterFile | null> {
  if (typeof claims.uid !== "string" || typeof claims.sid !== "string") return null;
  const read = () =>
    db.$queryRaw<DownloadRow[]>`SELECT * FROM letter_download_read(${claims.uid}, ${claims.sid}, ${letterId})`;
  let [row] = await read();
  const staff = working(staffOfClaims(row ?? null, claims, at.now));
  if (!row || !staff || !row.caseId || !mayViewCase(staff, row)) return null;
  if (!row.content) {
    // Issued but not rendered yet (its process died after the commit): render it now, from its stored input.
    await ensureRendered(db, at.masterKey, letterId);
    [row] = await read();
    if (!row?.content) return null;
  }
  // Destroyed under the retention rule: the register keeps number, date and SHA-256, not the PDF.
  if (row.content.length === 0) return null;
  const bytes = openLetter(unwrapDataKey(at.masterKey, row.wrappedKey), row);
  await appendAudit(db, {
    actorId: staff.id,
    actorLabel: staff.username,
    action: "letter.download",
    caseId: row.caseId,
    target: `letter:${letterId}`,
    detail: { type: row.type },
    at: at.now,
  });
  return { bytes, name: letterFileName(row.type, row.number, row.reference), mimeType: "application/pdf" };
}

/**
 * The Tanggapan the office sent to this reporter (the letter of the sent draft, or a correction
 * of it), audited as "reporter"; null for any other letter, case or session.
 */
export async function reporterLetter(
  db: Db,
  masterKey: Buffer,
  caseId: string,
  letterId: string,
  now = new Date(),
): Promise<LetterFile | null> {
  const sent = await reporterLetterIds(db, caseId);
  if (!sent.includes(letterId)) return null;
  const row = await db.letter.findUniqueOrThrow({
    where: { id: letterId },
    select: { type: true, number: true, content: true, sha256: true, case: { select: { wrappedKey: true } } },
  });
  if (!row.content || row.content.length === 0) return null;
  const bytes = openLetter(unwrapDataKey(masterKey, row.case!.wrappedKey), row);
  await appendAudit(db, {
    actorLabel: "reporter",
    action: "letter.download",
    caseId,
    target: `letter:${letterId}`,
    detail: { type: row.type },
    at: now,
  });
  return { bytes, name: letterFileName(row.type, row.number), mimeType: "application/pdf" };
}

/** Ids of the Tanggapan letters a reporter may download: only once sent, the current one and none it replaced. */
export async function reporterLetterIds(db: Db, caseId: string): Promise<string[]> {
  const draft = await db.documentDraft.findUnique({
    where: { caseId_type: { caseId, type: LetterType.TANGGAPAN } },
    select: { sentAt: true, letterId: true },
  });
  if (!draft?.sentAt || !draft.letterId) return [];
  const first = await db.letter.findUnique({ where: { id: draft.letterId }, select: { renderedAt: true } });
  if (!first?.renderedAt) return [];
  // Follow corrections to the newest letter whose bytes are stored.
  let id = draft.letterId;
  for (;;) {
    const next = await db.letter.findUnique({
      where: { replacesId: id },
      select: { id: true, caseId: true, renderedAt: true },
    });
    if (!next || next.caseId !== caseId || !next.renderedAt) return [id];
    id = next.id;
  }
}

/** The case's issued letters for the staff case page (the caller has already checked access). */
export async function caseLetterList(db: Pick<Db, "letter">, caseId: string) {
  const rows = await db.letter.findMany({
    where: { caseId, renderedAt: { not: null } },
    orderBy: { issuedAt: "asc" },
    select: {
      id: true,
      type: true,
      number: true,
      issuedAt: true,
      signerName: true,
      size: true,
      replacesId: true,
      replacedBy: { select: { id: true, renderedAt: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    number: r.number,
    issuedAt: r.issuedAt,
    signerName: r.signerName,
    size: r.size ?? 0,
    replacesId: r.replacesId,
    replaced: r.replacedBy?.renderedAt != null,
  }));
}

export interface VerifiedLetter {
  title: string;
  type: LetterType;
  number: string | null;
  issuedAt: Date;
  office: string;
  timeZone: string;
}

/** Public verification: type, number, date and issuing office of the letter with this code, or null. */
export async function verifyLetter(db: Db, code: string): Promise<VerifiedLetter | null> {
  const normalised = normaliseVerificationCode(code);
  if (!normalised) return null;
  const row = await db.letter.findUnique({
    where: { verificationCode: normalised },
    select: { type: true, number: true, issuedAt: true, renderedAt: true },
  });
  if (!row?.renderedAt) return null;
  const [identity, hours] = await Promise.all([getSetting(db, "office.identity"), getSetting(db, "office.hours")]);
  return {
    title: letterTitle(row.type),
    type: row.type,
    number: row.number,
    issuedAt: row.issuedAt,
    office: officeFullName(identity),
    timeZone: hours.timeZone,
  };
}
