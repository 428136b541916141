/**
 * The workflow's values as the staff UI offers them, in display order: statuses, categories and
 * channels in the domain's order (server/domain/cases/display-order.ts), the others listed here.
 * Plain lists; the type checks fail the build if the schema's enums gain or lose a value. Who
 * may do what is the access policy's (server/domain/policy), which the client imports as it is.
 */
import type { AgendaBook, DeliveryMethod, EscalationReason, MeetingRole } from "@/server/generated/prisma/enums.ts";
import type { Missing } from "@/server/domain/cases/display-order.ts";
export { OFFLINE_CHANNELS } from "@/server/domain/cases/channels.ts";

export { STATUS_ORDER, CATEGORY_ORDER, CHANNEL_ORDER } from "@/server/domain/cases/display-order.ts";
export const DELIVERY_METHODS = ["PORTAL", "EMAIL", "POST", "IN_PERSON"] as const satisfies readonly DeliveryMethod[];
export const ESCALATION_REASONS = [
  "LEADERSHIP_INVOLVED",
  "OUTSIDE_AUTHORITY",
] as const satisfies readonly EscalationReason[];
export const MEETING_ROLES = ["CHAIR", "MEMBER", "SECRETARY"] as const satisfies readonly MeetingRole[];
export const AGENDA_BOOKS = ["PERMOHONAN", "TANGGAPAN"] as const satisfies readonly AgendaBook[];

const complete: [
  Missing<DeliveryMethod, (typeof DELIVERY_METHODS)[number]>,
  Missing<EscalationReason, (typeof ESCALATION_REASONS)[number]>,
  Missing<MeetingRole, (typeof MEETING_ROLES)[number]>,
  Missing<AgendaBook, (typeof AGENDA_BOOKS)[number]>,
] = [true, true, true, true];
void complete;
