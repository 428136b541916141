import { describe, expect, it } from "vitest";
import type { OfficeCalendar } from "../office-time.ts";
import { heldTimes, MeetingTimeError, proposeMeetingStart } from "./meeting-times.ts";

const WEEKDAYS: OfficeCalendar["days"] = {
  "1": ["08:00", "16:00"],
  "2": ["08:00", "16:00"],
  "3": ["08:00", "16:00"],
  "4": ["08:00", "16:00"],
  "5": ["08:00", "16:00"],
};
const cal: OfficeCalendar = { timeZone: "Asia/Jakarta", days: WEEKDAYS, holidays: ["2026-12-25"] };
const wib = (local: string) => new Date(`${local}+07:00`);

describe("proposeMeetingStart", () => {
  it("proposes the next full hour inside office hours", () => {
    expect(proposeMeetingStart(wib("2026-12-02T10:17:00"), cal)).toEqual(wib("2026-12-02T11:00:00"));
    expect(proposeMeetingStart(wib("2026-12-02T10:00:00"), cal)).toEqual(wib("2026-12-02T11:00:00"));
    expect(proposeMeetingStart(wib("2026-12-02T14:59:00"), cal)).toEqual(wib("2026-12-02T15:00:00"));
  });

  it("moves to the next office morning when the meeting would not end before closing", () => {
    // 15:37 on a Wednesday: 16:00 is closing time, so Thursday 08:00.
    expect(proposeMeetingStart(wib("2026-12-02T15:37:00"), cal)).toEqual(wib("2026-12-03T08:00:00"));
    expect(proposeMeetingStart(wib("2026-12-02T21:00:00"), cal)).toEqual(wib("2026-12-03T08:00:00"));
    expect(proposeMeetingStart(wib("2026-12-03T06:30:00"), cal)).toEqual(wib("2026-12-03T08:00:00"));
  });

  it("skips weekends and holidays, and follows the office's hours and time zone", () => {
    expect(proposeMeetingStart(wib("2026-12-04T15:30:00"), cal)).toEqual(wib("2026-12-07T08:00:00")); // Friday → Monday
    expect(proposeMeetingStart(wib("2026-12-24T16:30:00"), cal)).toEqual(wib("2026-12-28T08:00:00")); // Christmas, weekend
    const half: OfficeCalendar = { timeZone: "Asia/Makassar", days: { "1": ["07:30", "15:30"] }, holidays: [] };
    expect(proposeMeetingStart(new Date("2026-12-06T12:00:00+08:00"), half)).toEqual(
      new Date("2026-12-07T08:00:00+08:00"),
    );
    expect(proposeMeetingStart(new Date("2026-12-07T14:10:00+08:00"), half)).toEqual(
      new Date("2026-12-14T08:00:00+08:00"),
    );
  });
});

describe("heldTimes", () => {
  const convened = wib("2026-12-02T09:12:30");
  const now = wib("2026-12-02T11:00:00");

  it("defaults to now and accepts a meeting held between convening and now", () => {
    expect(heldTimes({}, convened, now)).toEqual({ heldFrom: now, endsAt: now });
    const held = { heldFrom: wib("2026-12-02T09:12:00"), endsAt: wib("2026-12-02T10:30:00") };
    expect(heldTimes(held, convened, now)).toEqual(held);
  });

  it("refuses times in the future, an end before the start, and a start before convening", () => {
    expect(() =>
      heldTimes({ heldFrom: wib("2026-12-02T10:00:00"), endsAt: wib("2026-12-02T12:00:00") }, convened, now),
    ).toThrow(MeetingTimeError);
    expect(() => heldTimes({ heldFrom: wib("2026-12-02T11:30:00") }, convened, now)).toThrow(/future/);
    expect(() =>
      heldTimes({ heldFrom: wib("2026-12-02T10:30:00"), endsAt: wib("2026-12-02T10:00:00") }, convened, now),
    ).toThrow(/before its start/);
    expect(() =>
      heldTimes({ heldFrom: wib("2026-12-02T09:11:00"), endsAt: wib("2026-12-02T10:00:00") }, convened, now),
    ).toThrow(/before it was convened/);
  });
});
