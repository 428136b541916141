/**
 * The one error type the app raises on purpose. A DomainError carries a closed `code` (what
 * kind of refusal: the transports turn it into a status) and a stable, client-safe `reason`
 * key (which refusal: the UI translates it). Its `message` is for logs and tests only and
 * never leaves the server. Anything thrown that is not a DomainError is an internal fault:
 * the client gets a generic answer.
 */

export const DOMAIN_ERROR_CODES = [
  /** No such thing, or the caller may not know it exists. */
  "NOT_FOUND",
  /** Stale state or a move the current state does not allow; looking again may help. */
  "CONFLICT",
  /** The caller may not do this. */
  "FORBIDDEN",
  /** The request's content is refused. */
  "INVALID_INPUT",
  /** A rule that protects the office refuses the change whatever is sent (e.g. the last Admin). */
  "PRECONDITION",
  /** The retention rule destroyed the content: nothing is left to open or add. */
  "CONTENT_DESTROYED",
  /** The database stayed too busy; nothing was saved, the same request may be sent again. */
  "BUSY",
  /** The database cannot be reached right now. */
  "UNAVAILABLE",
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/**
 * Every reason key with its code: a reason always means the same kind of refusal. Keys are
 * `area.name`; the UI maps them to its texts (`admin.errors.<name>`, `workspace.refusal.*`).
 */
export const REASONS = {
  "case.notFound": "NOT_FOUND",
  "case.contentDestroyed": "CONTENT_DESTROYED",
  "case.illegalMove": "FORBIDDEN",
  "case.reasonRequired": "INVALID_INPUT",
  "case.receivedInFuture": "INVALID_INPUT",
  "case.stale": "CONFLICT",
  "case.roleMayNot": "CONFLICT",
  "case.leadershipForward": "CONFLICT",
  "case.attendeeInactive": "CONFLICT",
  "case.attendeeExcluded": "CONFLICT",
  "case.draftLocked": "CONFLICT",
  "case.noDraftToDecide": "CONFLICT",
  "case.noTrackingCode": "CONFLICT",
  "case.notApproved": "CONFLICT",
  "case.tooEarlyToArchive": "CONFLICT",
  "case.excludeSelf": "CONFLICT",
  "case.noSuchStaff": "CONFLICT",
  "case.archived": "CONFLICT",
  "case.meetingNotHeld": "CONFLICT",
  "case.noResponseToAcknowledge": "CONFLICT",
  "case.noAgendaEntry": "CONFLICT",
  "meeting.inFuture": "INVALID_INPUT",
  "meeting.endBeforeStart": "INVALID_INPUT",
  "meeting.startBeforeConvened": "INVALID_INPUT",
  "letter.notCorrectable": "CONFLICT",
  "letter.alreadyReplaced": "CONFLICT",
  "letter.noSigner": "CONFLICT",
  "admin.not_found": "NOT_FOUND",
  "admin.username_taken": "CONFLICT",
  "admin.nip_taken": "CONFLICT",
  "admin.self_lockout": "PRECONDITION",
  "admin.self_roles": "PRECONDITION",
  "admin.admin_case_role": "INVALID_INPUT",
  "admin.last_admin": "PRECONDITION",
  "admin.not_admin": "FORBIDDEN",
  "admin.stale_setting": "CONFLICT",
  "admin.emblem_type": "INVALID_INPUT",
  "admin.emblem_too_large": "INVALID_INPUT",
  "admin.emblem_dimensions": "INVALID_INPUT",
  "admin.emblem_damaged": "INVALID_INPUT",
  "enrolment.code_invalid": "INVALID_INPUT",
  "enrolment.not_pending": "CONFLICT",
  "password.current": "INVALID_INPUT",
  "password.next": "INVALID_INPUT",
  "system.busy": "BUSY",
  "system.unavailable": "UNAVAILABLE",
} as const satisfies Record<string, DomainErrorCode>;

export type ReasonKey = keyof typeof REASONS;
/** The reasons of one area, e.g. ReasonIn<"case"> = "case.notFound" | … */
export type ReasonIn<Area extends string> = Extract<ReasonKey, `${Area}.${string}`>;
/** The reasons of one code, e.g. ReasonOf<"CONFLICT">. */
export type ReasonOf<C extends DomainErrorCode> = {
  [K in ReasonKey]: (typeof REASONS)[K] extends C ? K : never;
}[ReasonKey];

export class DomainError extends Error {
  override name = "DomainError";
  readonly code: DomainErrorCode;

  /** `message` is for the log and tests (never sent); it defaults to the reason key. */
  constructor(
    readonly reason: ReasonKey,
    message: string = reason,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.code = REASONS[reason];
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
