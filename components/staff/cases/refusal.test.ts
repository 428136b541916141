import { describe, expect, it } from "vitest";
import { refusalOf } from "./refusal.ts";

const err = (code: string, message = "") => ({ message, data: { code } });

describe("refusals in the reader's language", () => {
  it("maps the tRPC codes", () => {
    expect(refusalOf(err("UNAUTHORIZED"))).toBe("signedOut");
    expect(refusalOf(err("NOT_FOUND", "Kasus tidak ditemukan."))).toBe("notFound");
    expect(refusalOf(err("FORBIDDEN", "SEKRETARIAT may not move a case RECORDED → REVIEWED"))).toBe("forbidden");
    expect(refusalOf(err("BAD_REQUEST"))).toBe("invalid");
    expect(refusalOf(err("INTERNAL_SERVER_ERROR"))).toBe("server");
    expect(refusalOf(new TypeError("Failed to fetch"))).toBe("server");
    expect(refusalOf(null)).toBe("server");
  });

  it("tells the conflicts apart by the domain's message", () => {
    expect(refusalOf(err("CONFLICT", "the case is RECORDED, not SUBMITTED"))).toBe("stale");
    expect(refusalOf(err("CONFLICT", "the case is no longer in the expected step"))).toBe("stale");
    expect(refusalOf(err("CONFLICT", "a report involving the leadership must be escalated to the Pengawas"))).toBe("leadershipForward");
    expect(refusalOf(err("CONFLICT", "an attendee is excluded from this case"))).toBe("attendeeExcluded");
    expect(refusalOf(err("CONFLICT", "an attendee is not an active staff member"))).toBe("attendeeInactive");
    expect(refusalOf(err("CONFLICT", "the draft is with the approver and cannot be changed"))).toBe("draftLocked");
    expect(refusalOf(err("CONFLICT", "there is no submitted draft to decide on"))).toBe("noDraftToDecide");
    expect(refusalOf(err("CONFLICT", "this reporter has no tracking code; choose another delivery method"))).toBe("noTrackingCode");
    expect(refusalOf(err("CONFLICT", "the response is not approved yet"))).toBe("notApproved");
    expect(refusalOf(err("CONFLICT", "the reporter still has time to acknowledge the response"))).toBe("tooEarlyToArchive");
    expect(refusalOf(err("CONFLICT", "ask a colleague to exclude you"))).toBe("excludeSelf");
    expect(refusalOf(err("CONFLICT", "the case is archived"))).toBe("archived");
    expect(refusalOf(err("CONFLICT", "the meeting has not been held yet; record its outcome first"))).toBe("meetingNotHeld");
    expect(refusalOf(err("BAD_REQUEST", "meeting end is before its start"))).toBe("meetingTimes");
    expect(refusalOf(err("BAD_REQUEST", "meeting times cannot be in the future"))).toBe("meetingTimes");
    expect(refusalOf(err("CONFLICT", "sekretariat may not draft a BERITA_ACARA"))).toBe("forbidden");
  });
});
