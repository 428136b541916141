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
