/**
 * The order in which the office lists a case's statuses, categories and channels: the staff
 * UI's choices and the statistics' tables alike. Plain data, so the browser imports it as it
 * is; the type check below fails the build if the schema's enums gain or lose a value.
 */
import type { CaseStatus, Category, Channel } from "../../generated/prisma/enums.ts";

export const STATUS_ORDER = [
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
export const CATEGORY_ORDER = [
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
export const CHANNEL_ORDER = [
  "PORTAL",
  "SMS",
  "PHONE",
  "EMAIL",
  "SUGGESTION_BOX",
  "IN_PERSON",
] as const satisfies readonly Channel[];

/** true when a list names every value of its enum; otherwise the values it misses. */
export type Missing<All, Listed> = Exclude<All, Listed> extends never ? true : Exclude<All, Listed>;
const complete: [
  Missing<CaseStatus, (typeof STATUS_ORDER)[number]>,
  Missing<Category, (typeof CATEGORY_ORDER)[number]>,
  Missing<Channel, (typeof CHANNEL_ORDER)[number]>,
] = [true, true, true];
void complete;
