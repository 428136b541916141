/**
 * What a reporter sees of their case: status, the eight steps with
 * when each was done (never who), the message thread, and the written response once
 * sent. Decrypts only what the reporter wrote or the office sent to them.
 */
import type { Db } from "../../db.ts";
import { ActorKind, CaseStatus } from "../../generated/prisma/enums.ts";
import { open, openJson, openText, sha256, unwrapDataKey } from "../crypto.ts";
import { reporterLetterIds } from "../letters/read.ts";
import { idleUntil, validTokenShape } from "./session.ts";

export interface ReporterCaseView {
  reference: string;
  status: CaseStatus;
  category: string;
  submittedAt: Date;
  responseDueAt: Date;
  /** Steps 1..8, done with the time, or pending. */
  steps: { step: number; doneAt: Date | null }[];
  /** Side paths the reporter should know about (waiting for them, forwarded to the Inspektorat). */
  events: { status: CaseStatus; at: Date }[];
  messages: {
    id: string;
    fromOffice: boolean;
    body: string;
    isInfoRequest: boolean;
    at: Date;
    files: { id: string; name: string; size: number }[];
  }[];
  response: { body: string; sentAt: Date } | null;
  /** The signed Tanggapan as issued (PDF download), once sent. */
  responseLetter: { id: string; number: string | null } | null;
  canReply: boolean;
  canAcknowledge: boolean;
  /** When the retention rule destroyed the content (messages, files and response are then gone); null while kept. */
  destroyedAt: Date | null;
}

/** The Tanggapan's text as the response draft stores it (ENCRYPTED JSON in DocumentDraft.content). */
export interface ResponseContent {
  body: string;
}

/** What reporter_case_read returns: encrypted values as hex inside its JSON. */
interface CaseReadRow {
  reference: string;
  status: CaseStatus;
  category: string;
  submittedAt: Date;
  responseDueAt: Date;
  destroyedAt: Date | null;
  wrappedKey: Uint8Array;
  timeline: { step: number | null; toStatus: CaseStatus | null; at: string }[];
  messages: {
    id: string;
    authorKind: ActorKind;
    body: string;
    isInfoRequest: boolean;
    at: string;
    files: { id: string; name: string; size: number }[];
  }[];
  response: { content: string; sentAt: string } | null;
}

const hex = (s: string) => Buffer.from(s, "hex");

/**
 * The reporter's view of the case, and the office's messages marked read: one call (SQL
 * function reporter_case_read) where Prisma sent seven statements; a sent response adds the
 * letter's lookup.
 */
export async function reporterCaseView(
  db: Db,
  masterKey: Buffer,
  caseId: string,
  now = new Date(),
): Promise<ReporterCaseView | null> {
  const [row] = await db.$queryRaw<CaseReadRow[]>`SELECT * FROM reporter_case_read(${caseId}, ${now})`;
  return row ? viewOf(db, masterKey, caseId, row) : null;
}

/**
 * The case page of the live session behind a cookie token, its idle timer restarted (as
 * resumeReporterSession does), in one call (SQL function reporter_page_read): the session
 * check and the case read were two. Null when the session is absent or expired.
 */
export async function reporterPageView(
  db: Db,
  masterKey: Buffer,
  token: string | undefined,
  now = new Date(),
): Promise<ReporterCaseView | null> {
  if (!validTokenShape(token)) return null;
  const [row] = await db.$queryRaw<(CaseReadRow & { caseId: string })[]>`
    SELECT * FROM reporter_page_read(${sha256(token)}, ${now}, ${idleUntil(now)})`;
  return row ? viewOf(db, masterKey, row.caseId, row) : null;
}

async function viewOf(db: Db, masterKey: Buffer, caseId: string, row: CaseReadRow): Promise<ReporterCaseView> {
  const progress = progressOf({
    ...row,
    timeline: row.timeline.map((e) => ({ step: e.step, toStatus: e.toStatus, createdAt: new Date(e.at) })),
  });
  if (row.destroyedAt) return destroyedView(progress, row.destroyedAt);
  const key = unwrapDataKey(masterKey, Buffer.from(row.wrappedKey));

  const [letterId] = row.response ? await reporterLetterIds(db, caseId) : [];
  const letter = letterId
    ? await db.letter.findUniqueOrThrow({ where: { id: letterId }, select: { id: true, number: true } })
    : null;

  return {
    ...progress,
    messages: row.messages.map((m) => ({
      id: m.id,
      fromOffice: m.authorKind !== ActorKind.REPORTER,
      body: openText(key, hex(m.body)),
      isInfoRequest: m.isInfoRequest,
      at: new Date(m.at),
      files: m.files.map((a) => ({ id: a.id, name: open(key, hex(a.name)).toString("utf8"), size: a.size })),
    })),
    response: row.response
      ? {
          body: openJson<ResponseContent>(key, hex(row.response.content)).body,
          sentAt: new Date(row.response.sentAt),
        }
      : null,
    responseLetter: letter,
    canReply: row.status !== CaseStatus.ARCHIVED,
    canAcknowledge: row.status === CaseStatus.RESPONDED,
    destroyedAt: null,
  };
}

type ProgressRow = Pick<ReporterCaseView, "reference" | "status" | "category" | "submittedAt" | "responseDueAt"> & {
  timeline: { step: number | null; toStatus: CaseStatus | null; createdAt: Date }[];
};

/** A case whose content the retention rule destroyed: the steps and dates only, nothing to open. */
function destroyedView(progress: ReturnType<typeof progressOf>, destroyedAt: Date): ReporterCaseView {
  return {
    ...progress,
    messages: [],
    response: null,
    responseLetter: null,
    canReply: false,
    canAcknowledge: false,
    destroyedAt,
  };
}

/** When each step was done, and the side paths the reporter should know about. */
function progressOf(row: ProgressRow) {
  const doneAt = new Map<number, Date>();
  const events: ReporterCaseView["events"] = [];
  for (const e of row.timeline) {
    if (e.step !== null) doneAt.set(e.step, e.createdAt);
    else if (e.toStatus === CaseStatus.AWAITING_INFO || e.toStatus === CaseStatus.ESCALATED)
      events.push({ status: e.toStatus, at: e.createdAt });
  }
  const steps = [1, 2, 3, 4, 5, 6, 7, 8].map((step) => ({ step, doneAt: doneAt.get(step) ?? null }));
  return {
    reference: row.reference,
    status: row.status,
    category: row.category,
    submittedAt: row.submittedAt,
    responseDueAt: row.responseDueAt,
    steps,
    events,
  };
}
