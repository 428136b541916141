/**
 * A refused or failed tRPC call as one of the messages the UI shows (in Indonesian or
 * English from `workspace.refusal`); the server's English message only picks the case.
 */
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

const CONFLICTS: [RegExp, Refusal][] = [
  [/leadership must be escalated/, "leadershipForward"],
  [/not an active staff member/, "attendeeInactive"],
  [/attendee is excluded/, "attendeeExcluded"],
  [/with the approver/, "draftLocked"],
  [/no submitted draft/, "noDraftToDecide"],
  [/no tracking code/, "noTrackingCode"],
  [/not approved yet/, "notApproved"],
  [/still has time to acknowledge/, "tooEarlyToArchive"],
  [/exclude you/, "excludeSelf"],
  [/case is archived/, "archived"],
  [/meeting has not been held/, "meetingNotHeld"],
  [/may not/, "forbidden"],
];

export function refusalOf(error: unknown): Refusal {
  const e = error as { data?: { code?: unknown } | null; message?: unknown } | null;
  const code = typeof e?.data?.code === "string" ? e.data.code : undefined;
  const message = typeof e?.message === "string" ? e.message : "";
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
      return /^meeting (times|end|start)/.test(message) ? "meetingTimes" : "invalid";
    case "TOO_MANY_REQUESTS":
      // The database was too busy; nothing was saved and the same action may be sent again.
      return "busy";
    case "CONFLICT":
      // Anything else: the case moved on (another clerk was faster) or is not at this step.
      return CONFLICTS.find(([pattern]) => pattern.test(message))?.[1] ?? "stale";
    default:
      return "server";
  }
}
