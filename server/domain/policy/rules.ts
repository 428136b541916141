/**
 * Who may do what, outside the SOP's case moves (those are the transition table in
 * cases/status-machine.ts). The one table of the office's access rules: change a role here and
 * the tRPC procedures, the staff downloads, the server actions, the pages and what a case page
 * offers all follow. Plain data (no Prisma client, no Next.js): the browser reads it too.
 */
import { Role } from "../../generated/prisma/enums.ts";

const R = Role;

export const RULES = {
  /** Read cases, their files and letters (Admin never: separation of duties). */
  readCases: [R.SEKRETARIAT, R.TIM_TELAAH, R.TIM_AUDIT, R.KEPALA_DINAS, R.PENGAWAS],
  /** The agenda books (page, CSV and PDF). */
  readAgenda: [R.SEKRETARIAT, R.TIM_TELAAH, R.KEPALA_DINAS, R.PENGAWAS],
  /** The office dashboard with exact figures (page, CSV). */
  readOfficeStatistics: [R.KEPALA_DINAS, R.PENGAWAS, R.SEKRETARIAT],
  /** Step 1 for a report that came by SMS, phone, email, the suggestion box or in person. */
  recordIntake: [R.SEKRETARIAT],
  /** What the meeting discussed and resolved, and when it was held. */
  recordMeetingOutcome: [R.KEPALA_DINAS, R.TIM_AUDIT],
  draftBeritaAcara: [R.TIM_AUDIT],
  draftTanggapan: [R.SEKRETARIAT, R.TIM_TELAAH, R.TIM_AUDIT],
  /** Approve (sign) or return a submitted Berita Acara or Tanggapan. */
  decideDraft: [R.KEPALA_DINAS],
  /** A correcting letter replaces an issued one: the role of the step that issued it. */
  correctCatatanPengaduan: [R.SEKRETARIAT],
  correctSuratPengaduan: [R.TIM_TELAAH],
  correctBeritaAcara: [R.KEPALA_DINAS],
  correctTanggapan: [R.KEPALA_DINAS],
  writeToReporter: [R.SEKRETARIAT, R.TIM_TELAAH],
  /** An escalated case (on the leadership, or outside the office's authority) is theirs to take on. */
  receiveEscalations: [R.PENGAWAS],
  /** Conflict of interest: hide a case from a member of staff. */
  excludeStaff: [R.TIM_TELAAH, R.KEPALA_DINAS],
  /** Users, settings, notification delivery. */
  administer: [R.ADMIN],
  /** The audit trail (the Admin sees the administrative part only). */
  readAuditTrail: [R.PENGAWAS, R.ADMIN],
  /** The whole audit trail, case reads included. */
  readWholeAuditTrail: [R.PENGAWAS],
  /** Whether the backups run (not their content). */
  readBackupStatus: [R.ADMIN, R.PENGAWAS],
  /** One's own account, notifications and session: every member of staff. */
  useAccount: [R.SEKRETARIAT, R.TIM_TELAAH, R.TIM_AUDIT, R.KEPALA_DINAS, R.ADMIN, R.PENGAWAS],
} as const satisfies Record<string, readonly Role[]>;

export type Rules = { readonly [P in keyof typeof RULES]: readonly Role[] };
