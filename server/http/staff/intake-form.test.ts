import { describe, expect, it } from "vitest";
import { settingDefaults } from "../../domain/settings-defaults.ts";
import { officeInstant } from "../../../lib/zoned-time.ts";
import { readIntakeForm } from "./intake-form.ts";

const limits = settingDefaults["uploads.limits"];
const now = new Date("2026-11-28T03:00:00Z"); // 10:00 in Jakarta

function form(fields: Record<string, string | string[]>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
  return fd;
}

const complete = {
  channel: "PHONE",
  receivedAt: "2026-11-28T09:15",
  category: "ILLEGAL_LEVY",
  what: "Pungutan Rp 500.000 untuk mempercepat izin",
  personName: ["Pak X", ""],
  personPosition: ["Petugas loket", ""],
  where: "Loket 3",
  when: "November 2026",
  how: "Diminta tunai",
  evidence: "",
  witnesses: "",
  identityMode: "ANONYMOUS",
};

describe("the offline intake form", () => {
  it("reads a complete report without the reporter's good-faith box", () => {
    const r = readIntakeForm(form({ ...complete, wantsTrackingCode: "on" }), limits, "Asia/Jakarta", now);
    expect(r.errors).toEqual({});
    expect(r.sourceErrors).toEqual({});
    expect(r.input).toMatchObject({
      channel: "PHONE",
      wantsTrackingCode: true,
      report: {
        category: "ILLEGAL_LEVY",
        identityMode: "ANONYMOUS",
        content: { persons: [{ name: "Pak X", position: "Petugas loket" }] },
      },
    });
    expect(r.input?.receivedAt.toISOString()).toBe("2026-11-28T02:15:00.000Z");
  });

  it("asks for the channel and the time received, and refuses a time in the future", () => {
    const r = readIntakeForm(
      form({ ...complete, channel: "PORTAL", receivedAt: "kemarin" }),
      limits,
      "Asia/Jakarta",
      now,
    );
    expect(r.sourceErrors).toEqual({ channel: "required", receivedAt: "required" });
    expect(r.input).toBeUndefined();
    const future = readIntakeForm(form({ ...complete, receivedAt: "2026-11-28T11:00" }), limits, "Asia/Jakarta", now);
    expect(future.sourceErrors).toEqual({ receivedAt: "future" });
    // Within the clerk's five minutes of grace.
    expect(
      readIntakeForm(form({ ...complete, receivedAt: "2026-11-28T10:04" }), limits, "Asia/Jakarta", now).input,
    ).toBeDefined();
  });

  it("keeps the portal's field errors and the typed values", () => {
    const r = readIntakeForm(
      form({ ...complete, what: "", identityMode: "CONFIDENTIAL", identityName: "" }),
      limits,
      "Asia/Jakarta",
      now,
    );
    expect(Object.keys(r.errors).sort()).toEqual(["identityContact", "identityName", "what"]);
    expect(r.values).toMatchObject({
      channel: "PHONE",
      receivedAt: "2026-11-28T09:15",
      where: "Loket 3",
      identityMode: "CONFIDENTIAL",
      wantsTrackingCode: false,
    });
    expect(r.input).toBeUndefined();
  });

  it("reads office wall-clock times strictly", () => {
    expect(officeInstant("2026-11-28T09:15", "Asia/Jakarta")?.toISOString()).toBe("2026-11-28T02:15:00.000Z");
    expect(officeInstant("2026-11-28T09:15", "Asia/Makassar")?.toISOString()).toBe("2026-11-28T01:15:00.000Z");
    for (const bad of ["", "2026-02-30T10:00", "2026-11-28T24:00", "2026-11-28 09:15"])
      expect(officeInstant(bad, "Asia/Jakarta"), bad).toBeNull();
  });
});
