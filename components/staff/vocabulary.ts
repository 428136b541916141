/**
 * The workflow's values as the staff UI offers them, in display order. Plain lists; the type
 * checks below fail the build if the schema's enums gain or lose a value. Who may do what is
 * the access policy's (server/domain/policy), which the client imports as it is.
 */
import type {
  AgendaBook,
  CaseStatus,
  Category,
  Channel,
  DeliveryMethod,
  EscalationReason,
  MeetingRole,
} from "@/server/generated/prisma/enums.ts";
export { OFFLINE_CHANNELS } from "@/server/domain/cases/channels.ts";

export const STATUSES = [
  "SUBMITTED",
  "RECORDED",
  "AWAITING_INFO",
  "REVIEWED",
  "IN_MEETING",
  "MINUTED",
  "RESPONDED",
  "RESPONSE_RECEIVED",
  "ARCHIVED",
  "ESCALATED",
] as const satisfies readonly CaseStatus[];
export const CATEGORIES = [
  "CORRUPTION",
  "GRATIFICATION",
  "BRIBERY",
  "ILLEGAL_LEVY",
  "ABUSE_OF_AUTHORITY",
  "CONFLICT_OF_INTEREST",
  "ETHICS_VIOLATION",
  "LICENSING_MALADMINISTRATION",
  "OTHER",
] as const satisfies readonly Category[];
export const CHANNELS = [
  "PORTAL",
  "SMS",
  "PHONE",
  "EMAIL",
  "SUGGESTION_BOX",
  "IN_PERSON",
] as const satisfies readonly Channel[];
export const DELIVERY_METHODS = ["PORTAL", "EMAIL", "POST", "IN_PERSON"] as const satisfies readonly DeliveryMethod[];
export const ESCALATION_REASONS = [
  "LEADERSHIP_INVOLVED",
  "OUTSIDE_AUTHORITY",
] as const satisfies readonly EscalationReason[];
export const MEETING_ROLES = ["CHAIR", "MEMBER", "SECRETARY"] as const satisfies readonly MeetingRole[];
export const AGENDA_BOOKS = ["PERMOHONAN", "TANGGAPAN"] as const satisfies readonly AgendaBook[];

type Missing<All, Listed> = Exclude<All, Listed> extends never ? true : Exclude<All, Listed>;
const complete: [
  Missing<CaseStatus, (typeof STATUSES)[number]>,
  Missing<Category, (typeof CATEGORIES)[number]>,
  Missing<Channel, (typeof CHANNELS)[number]>,
  Missing<DeliveryMethod, (typeof DELIVERY_METHODS)[number]>,
  Missing<EscalationReason, (typeof ESCALATION_REASONS)[number]>,
  Missing<MeetingRole, (typeof MEETING_ROLES)[number]>,
  Missing<AgendaBook, (typeof AGENDA_BOOKS)[number]>,
] = [true, true, true, true, true, true, true];
void complete;
