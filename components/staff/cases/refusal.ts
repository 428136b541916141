/**
 * A refused or failed tRPC call as one of the messages the UI shows (in Indonesian or
 * English from `workspace.refusal`), picked by the refusal's reason key and code, never by
 * the text of a message.
 */
import type { ReasonKey } from "@/server/domain/errors.ts";
import { reasonOf } from "../reason.ts";

export type Refusal =
  | "signedOut"
  | "notFound"
  | "forbidden"
  | "invalid"
  | "stale"
  | "leadershipForward"
  | "attendeeInactive"
  | "attendeeExcluded"
  | "draftLocked"
  | "noDraftToDecide"
  | "noTrackingCode"
  | "notApproved"
  | "tooEarlyToArchive"
  | "excludeSelf"
  | "archived"
  | "unavailable"
  | "busy"
  | "meetingNotHeld"
  | "meetingTimes"
  | "server";

/** Refusals with a text of their own; any other reason falls back to its code's text. */
const BY_REASON: Partial<Record<ReasonKey, Refusal>> = {
  "case.leadershipForward": "leadershipForward",
  "case.attendeeInactive": "attendeeInactive",
  "case.attendeeExcluded": "attendeeExcluded",
  "case.draftLocked": "draftLocked",
  "case.noDraftToDecide": "noDraftToDecide",
  "case.noTrackingCode": "noTrackingCode",
  "case.notApproved": "notApproved",
  "case.tooEarlyToArchive": "tooEarlyToArchive",
  "case.excludeSelf": "excludeSelf",
  "case.archived": "archived",
  "case.meetingNotHeld": "meetingNotHeld",
  "case.roleMayNot": "forbidden",
  "meeting.inFuture": "meetingTimes",
  "meeting.endBeforeStart": "meetingTimes",
  "meeting.startBeforeConvened": "meetingTimes",
};

export function refusalOf(error: unknown): Refusal {
  const e = error as { data?: { code?: unknown } | null } | null;
  const code = typeof e?.data?.code === "string" ? e.data.code : undefined;
  const reason = reasonOf(error);
  const special = reason ? BY_REASON[reason] : undefined;
  if (special) return special;
  switch (code) {
    case "UNAUTHORIZED":
      return "signedOut";
    case "SERVICE_UNAVAILABLE":
      return "unavailable";
    case "NOT_FOUND":
      return "notFound";
    case "FORBIDDEN":
      return "forbidden";
    case "BAD_REQUEST":
      return "invalid";
    case "TOO_MANY_REQUESTS":
      // The database was too busy; nothing was saved and the same action may be sent again.
      return "busy";
    case "CONFLICT":
      // Anything else: the case moved on (another clerk was faster) or is not at this step.
      return "stale";
    default:
      return "server";
  }
}
