import { describe, expect, it } from "vitest";
import type { ReasonKey } from "@/server/domain/errors.ts";
import { refusalOf } from "./refusal.ts";

const err = (code: string, reason: ReasonKey | null = null, message = "") => ({ message, data: { code, reason } });

describe("refusals in the reader's language", () => {
  it("maps the tRPC codes", () => {
    expect(refusalOf(err("UNAUTHORIZED"))).toBe("signedOut");
    expect(refusalOf(err("NOT_FOUND", "case.notFound"))).toBe("notFound");
    expect(refusalOf(err("FORBIDDEN", "case.illegalMove"))).toBe("forbidden");
    expect(refusalOf(err("BAD_REQUEST"))).toBe("invalid");
    expect(refusalOf(err("BAD_REQUEST", "case.reasonRequired"))).toBe("invalid");
    expect(refusalOf(err("TOO_MANY_REQUESTS", "system.busy"))).toBe("busy");
    expect(refusalOf(err("SERVICE_UNAVAILABLE", "system.unavailable"))).toBe("unavailable");
    expect(refusalOf(err("INTERNAL_SERVER_ERROR"))).toBe("server");
    expect(refusalOf(new TypeError("Failed to fetch"))).toBe("server");
    expect(refusalOf(null)).toBe("server");
  });

  it("tells the conflicts apart by the reason key", () => {
    expect(refusalOf(err("CONFLICT", "case.stale"))).toBe("stale");
    expect(refusalOf(err("CONFLICT", "case.noSuchStaff"))).toBe("stale");
    expect(refusalOf(err("CONFLICT", "case.leadershipForward"))).toBe("leadershipForward");
    expect(refusalOf(err("CONFLICT", "case.attendeeExcluded"))).toBe("attendeeExcluded");
    expect(refusalOf(err("CONFLICT", "case.attendeeInactive"))).toBe("attendeeInactive");
    expect(refusalOf(err("CONFLICT", "case.draftLocked"))).toBe("draftLocked");
    expect(refusalOf(err("CONFLICT", "case.noDraftToDecide"))).toBe("noDraftToDecide");
    expect(refusalOf(err("CONFLICT", "case.noTrackingCode"))).toBe("noTrackingCode");
    expect(refusalOf(err("CONFLICT", "case.notApproved"))).toBe("notApproved");
    expect(refusalOf(err("CONFLICT", "case.tooEarlyToArchive"))).toBe("tooEarlyToArchive");
    expect(refusalOf(err("CONFLICT", "case.excludeSelf"))).toBe("excludeSelf");
    expect(refusalOf(err("CONFLICT", "case.archived"))).toBe("archived");
    expect(refusalOf(err("CONFLICT", "case.meetingNotHeld"))).toBe("meetingNotHeld");
    expect(refusalOf(err("CONFLICT", "case.roleMayNot"))).toBe("forbidden");
    expect(refusalOf(err("BAD_REQUEST", "meeting.endBeforeStart"))).toBe("meetingTimes");
    expect(refusalOf(err("BAD_REQUEST", "meeting.inFuture"))).toBe("meetingTimes");
    expect(refusalOf(err("BAD_REQUEST", "meeting.startBeforeConvened"))).toBe("meetingTimes");
  });

  it("never reads the message: without a reason, a conflict is just stale", () => {
    expect(
      refusalOf(err("CONFLICT", null, "a report involving the leadership must be escalated to the Pengawas")),
    ).toBe("stale");
    expect(refusalOf(err("BAD_REQUEST", null, "meeting end is before its start"))).toBe("invalid");
  });
});
