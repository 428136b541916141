/**
 * What a reporter sees of their case: status, the eight steps with
 * when each was done (never who), the message thread, and the written response once
 * sent. Decrypts only what the reporter wrote or the office sent to them.
 */
import type { Db } from "../../db.ts";
import { ActorKind, CaseStatus, LetterType, TimelineKind } from "../../generated/prisma/enums.ts";
import { open, openJson, openText, unwrapDataKey } from "../crypto.ts";
import { reporterLetterIds } from "../letters/read.ts";

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

export async function reporterCaseView(
  db: Db,
  masterKey: Buffer,
  caseId: string,
  now = new Date(),
): Promise<ReporterCaseView | null> {
  const row = await db.case.findUnique({
    where: { id: caseId },
    select: {
      reference: true,
      status: true,
      category: true,
      submittedAt: true,
      responseDueAt: true,
      wrappedKey: true,
      destroyedAt: true,
      timeline: {
        where: { visibleToReporter: true, kind: TimelineKind.TRANSITION },
        orderBy: { createdAt: "asc" },
        select: { step: true, toStatus: true, createdAt: true },
      },
      messages: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          authorKind: true,
          body: true,
          isInfoRequest: true,
          createdAt: true,
          attachments: { select: { id: true, fileName: true, size: true } },
        },
      },
      drafts: { where: { type: LetterType.TANGGAPAN, sentAt: { not: null } }, select: { content: true, sentAt: true } },
    },
  });
  if (!row) return null;
  if (row.destroyedAt) return destroyedView(row, row.destroyedAt);
  const key = unwrapDataKey(masterKey, row.wrappedKey);

  const draft = row.drafts[0];
  const [letterId] = await reporterLetterIds(db, caseId);
  const letter = letterId
    ? await db.letter.findUniqueOrThrow({ where: { id: letterId }, select: { id: true, number: true } })
    : null;

  // The reporter has now seen the office's messages.
  await db.message.updateMany({
    where: { caseId, authorKind: { not: ActorKind.REPORTER }, readAt: null },
    data: { readAt: now },
  });

  return {
    ...progressOf(row),
    messages: row.messages.map((m) => ({
      id: m.id,
      fromOffice: m.authorKind !== ActorKind.REPORTER,
      body: openText(key, m.body),
      isInfoRequest: m.isInfoRequest,
      at: m.createdAt,
      files: m.attachments.map((a) => ({ id: a.id, name: open(key, a.fileName).toString("utf8"), size: a.size })),
    })),
    response: draft?.sentAt ? { body: openJson<ResponseContent>(key, draft.content).body, sentAt: draft.sentAt } : null,
    responseLetter: letter,
    canReply: row.status !== CaseStatus.ARCHIVED,
    canAcknowledge: row.status === CaseStatus.RESPONDED,
    destroyedAt: null,
  };
}

type DestroyedRow = Pick<ReporterCaseView, "reference" | "status" | "category" | "submittedAt" | "responseDueAt"> & {
  timeline: { step: number | null; toStatus: CaseStatus | null; createdAt: Date }[];
};

/** A case whose content the retention rule destroyed: the steps and dates only, nothing to open. */
function destroyedView(row: DestroyedRow, destroyedAt: Date): ReporterCaseView {
  return {
    ...progressOf(row),
    messages: [],
    response: null,
    responseLetter: null,
    canReply: false,
    canAcknowledge: false,
    destroyedAt,
  };
}

/** When each step was done, and the side paths the reporter should know about. */
function progressOf(row: DestroyedRow) {
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
