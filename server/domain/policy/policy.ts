/**
 * The access policy: named permissions → roles. Role rules come from rules.ts; the case moves
 * from the SOP's transition table (cases/status-machine.ts), so who records, reviews, convenes,
 * sends or archives is written once, in the table. Pure functions, safe in the browser.
 */
import { CaseStatus, Role, type LetterType } from "../../generated/prisma/enums.ts";
import { TRANSITIONS } from "../cases/status-machine.ts";
import { RULES, type Rules } from "./rules.ts";

const S = CaseStatus;

/** Each staff procedure that moves a case, and the moves of the table it may make. */
const MOVES = {
  recordCase: [[S.SUBMITTED, S.RECORDED]],
  reviewCase: [
    [S.RECORDED, S.REVIEWED],
    [S.RECORDED, S.AWAITING_INFO],
    [S.RECORDED, S.ESCALATED],
  ],
  resumeCase: [[S.AWAITING_INFO, S.RECORDED]],
  conveneMeeting: [[S.REVIEWED, S.IN_MEETING]],
  sendResponse: [[S.MINUTED, S.RESPONDED]],
  recordDelivery: [[S.RESPONDED, S.RESPONSE_RECEIVED]],
  archiveCase: [
    [S.RESPONSE_RECEIVED, S.ARCHIVED],
    [S.ESCALATED, S.ARCHIVED],
    [S.RESPONDED, S.ARCHIVED],
  ],
} as const satisfies Record<string, readonly (readonly [CaseStatus, CaseStatus])[]>;

export type RulePermission = keyof Rules;
export type MovePermission = keyof typeof MOVES;
export type Permission = RulePermission | MovePermission;

const isStaffRole = (actor: string): actor is Role => (Object.values(Role) as string[]).includes(actor);

/** The staff roles the table lets make the move from → to (the reporter and the system are not roles). */
export function moveRoles(from: CaseStatus, to: CaseStatus): Role[] {
  return TRANSITIONS.filter((t) => t.from === from && t.to === to).flatMap((t) => t.by.filter(isStaffRole));
}

const isMove = (permission: Permission): permission is MovePermission => permission in MOVES;

/** The roles that hold `permission`. */
export function rolesFor(permission: Permission): readonly Role[] {
  if (!isMove(permission)) return (RULES as Rules)[permission];
  return [...new Set(MOVES[permission].flatMap(([from, to]) => moveRoles(from, to)))];
}

/** Whether someone holding `roles` has `permission` (of a list: any one of them, for a procedure serving several). */
export function may(roles: readonly string[], permission: Permission | readonly Permission[]): boolean {
  const allowed: readonly string[] =
    typeof permission === "string" ? rolesFor(permission) : permission.flatMap((p) => rolesFor(p));
  return roles.some((r) => allowed.includes(r));
}

/** Whether `roles` may make the move from → to of the SOP table. */
export const mayMove = (roles: readonly string[], from: CaseStatus, to: CaseStatus): boolean => {
  const allowed: readonly string[] = moveRoles(from, to);
  return roles.some((r) => allowed.includes(r));
};

export const DRAFT_PERMISSION = {
  BERITA_ACARA: "draftBeritaAcara",
  TANGGAPAN: "draftTanggapan",
} as const satisfies Partial<Record<LetterType, RulePermission>>;
export type DraftType = keyof typeof DRAFT_PERMISSION;

/** The status in which each draft is written, and decided. */
export const DRAFT_STATUS = {
  BERITA_ACARA: S.IN_MEETING,
  TANGGAPAN: S.MINUTED,
} as const satisfies Record<DraftType, CaseStatus>;

const draftsIn = (status: CaseStatus) =>
  (Object.keys(DRAFT_STATUS) as DraftType[]).filter((type) => DRAFT_STATUS[type] === status);

/**
 * The roles a case in `status` waits for: who may move it on (the SOP table), who may write the
 * draft due in it, and for an escalated case who takes escalations on. They are told when a case
 * arrives there.
 */
export function rolesAtWork(status: CaseStatus): Role[] {
  const roles = TRANSITIONS.filter((t) => t.from === status).flatMap((t) => t.by.filter(isStaffRole));
  for (const type of draftsIn(status)) roles.push(...rolesFor(DRAFT_PERMISSION[type]));
  if (status === S.ESCALATED) roles.push(...rolesFor("receiveEscalations"));
  return [...new Set(roles)];
}

/** The statuses of the cases in a role's own queue: those waiting for its work, or for its decision on a draft. */
export function queueStatuses(role: Role): CaseStatus[] {
  return Object.values(CaseStatus).filter(
    (status) =>
      rolesAtWork(status).includes(role) || (draftsIn(status).length > 0 && rolesFor("decideDraft").includes(role)),
  );
}

/** The letters a correction may replace, each with the permission to correct it. */
export const CORRECT_PERMISSION = {
  CATATAN_PENGADUAN: "correctCatatanPengaduan",
  SURAT_PENGADUAN: "correctSuratPengaduan",
  BERITA_ACARA: "correctBeritaAcara",
  TANGGAPAN: "correctTanggapan",
} as const satisfies Partial<Record<LetterType, RulePermission>>;
export type CorrectableLetter = keyof typeof CORRECT_PERMISSION;

export const isCorrectable = (type: string): type is CorrectableLetter => type in CORRECT_PERMISSION;
export const mayCorrect = (type: string, roles: readonly string[]): boolean =>
  isCorrectable(type) && may(roles, CORRECT_PERMISSION[type]);

/**
 * Roles that make no move and do no work on a case (they only read): the case page says
 * "read only" to them instead of "nothing to do now".
 */
export function readsOnly(roles: readonly string[]): boolean {
  const acting = new Set<string>(TRANSITIONS.flatMap((t) => t.by.filter(isStaffRole)));
  const work: RulePermission[] = [
    "recordMeetingOutcome",
    "draftBeritaAcara",
    "draftTanggapan",
    "decideDraft",
    "writeToReporter",
    "excludeStaff",
    ...Object.values(CORRECT_PERMISSION),
  ];
  for (const p of work) for (const r of rolesFor(p)) acting.add(r);
  return !roles.some((r) => acting.has(r));
}
