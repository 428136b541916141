import { describe, expect, it } from "vitest";
import { actionsFor, type CaseForActions } from "./case-actions.ts";

const now = new Date("2026-11-28T03:00:00Z");
const base: CaseForActions = {
  status: "SUBMITTED",
  hasTrackingCode: true,
  autoArchiveAt: null,
  meetings: [],
  drafts: [],
};
const draft = (type: string, status: string, extra: Partial<{ sentAt: Date; deliveryMethod: string }> = {}) => ({
  type,
  status,
  sentAt: null,
  deliveryMethod: null,
  ...extra,
});
/** A case in this state; the statuses are written as the tests read best (plain strings). */
type Case = Omit<Partial<CaseForActions>, "status"> & { status?: string };
const steps = (c: Case, roles: string[]) =>
  actionsFor({ roles }, { ...base, ...c } as CaseForActions, now).filter((a) => a !== "message" && a !== "exclude");

describe("the actions a case page offers", () => {
  it("offers each SOP step to its role only", () => {
    expect(steps({ status: "SUBMITTED" }, ["SEKRETARIAT"])).toEqual(["record"]);
    expect(steps({ status: "SUBMITTED" }, ["TIM_TELAAH", "KEPALA_DINAS", "TIM_AUDIT", "PENGAWAS"])).toEqual([]);
    expect(steps({ status: "RECORDED" }, ["TIM_TELAAH"])).toEqual(["review"]);
    expect(steps({ status: "AWAITING_INFO" }, ["TIM_TELAAH"])).toEqual(["resume"]);
    expect(steps({ status: "REVIEWED" }, ["KEPALA_DINAS"])).toEqual(["convene"]);
    expect(steps({ status: "REVIEWED" }, ["SEKRETARIAT", "TIM_TELAAH", "TIM_AUDIT"])).toEqual([]);
  });

  it("follows the Berita Acara through drafting and approval", () => {
    // Scheduled, not held yet: only the outcome (with its times) can be recorded.
    expect(steps({ status: "IN_MEETING", meetings: [{ endsAt: null }] }, ["TIM_AUDIT"])).toEqual(["meetingOutcome"]);
    const meeting = { meetings: [{ endsAt: new Date("2026-12-02T03:00:00Z") }] };
    expect(steps({ status: "IN_MEETING", ...meeting }, ["TIM_AUDIT"])).toEqual(["meetingOutcome", "draftBeritaAcara"]);
    expect(steps({ status: "IN_MEETING", ...meeting }, ["KEPALA_DINAS"])).toEqual(["meetingOutcome"]);
    const submitted = { status: "IN_MEETING", ...meeting, drafts: [draft("BERITA_ACARA", "SUBMITTED")] };
    expect(steps(submitted, ["TIM_AUDIT"])).toEqual(["meetingOutcome"]);
    expect(steps(submitted, ["KEPALA_DINAS"])).toEqual(["meetingOutcome", "decideBeritaAcara"]);
    expect(steps({ ...submitted, drafts: [draft("BERITA_ACARA", "RETURNED")] }, ["TIM_AUDIT"])).toEqual([
      "meetingOutcome",
      "draftBeritaAcara",
    ]);
  });

  it("follows the Tanggapan through drafting, approval and sending", () => {
    expect(steps({ status: "MINUTED" }, ["SEKRETARIAT"])).toEqual(["draftTanggapan"]);
    expect(steps({ status: "MINUTED" }, ["TIM_AUDIT"])).toEqual(["draftTanggapan"]);
    expect(steps({ status: "MINUTED" }, ["KEPALA_DINAS"])).toEqual([]);
    expect(steps({ status: "MINUTED", drafts: [draft("TANGGAPAN", "SUBMITTED")] }, ["KEPALA_DINAS"])).toEqual([
      "decideTanggapan",
    ]);
    expect(steps({ status: "MINUTED", drafts: [draft("TANGGAPAN", "SUBMITTED")] }, ["SEKRETARIAT"])).toEqual([]);
    expect(steps({ status: "MINUTED", drafts: [draft("TANGGAPAN", "APPROVED")] }, ["SEKRETARIAT"])).toEqual(["send"]);
  });

  it("records delivery unless the reporter reads the response on the portal, and archives when allowed", () => {
    expect(
      steps({ status: "RESPONDED", drafts: [draft("TANGGAPAN", "APPROVED", { deliveryMethod: "POST" })] }, [
        "SEKRETARIAT",
      ]),
    ).toEqual(["delivery"]);
    expect(
      steps({ status: "RESPONDED", drafts: [draft("TANGGAPAN", "APPROVED", { deliveryMethod: "PORTAL" })] }, [
        "SEKRETARIAT",
      ]),
    ).toEqual([]);
    const waited = {
      status: "RESPONDED",
      autoArchiveAt: new Date(now.getTime() - 1),
      drafts: [draft("TANGGAPAN", "APPROVED", { deliveryMethod: "PORTAL" })],
    };
    expect(steps(waited, ["SEKRETARIAT"])).toEqual(["archive"]);
    expect(steps({ ...waited, autoArchiveAt: new Date(now.getTime() + 60_000) }, ["SEKRETARIAT"])).toEqual([]);
    expect(steps({ status: "RESPONSE_RECEIVED" }, ["SEKRETARIAT"])).toEqual(["archive"]);
    expect(steps({ status: "ESCALATED" }, ["SEKRETARIAT"])).toEqual(["archive"]);
    expect(steps({ status: "ESCALATED" }, ["PENGAWAS"])).toEqual([]);
  });

  it("lets Sekretariat and Tim Telaah write to a reporter with a code, and Tim Telaah or Kepala Dinas exclude staff", () => {
    expect(actionsFor({ roles: ["SEKRETARIAT"] }, { ...base, status: "RECORDED" }, now)).toEqual(["message"]);
    expect(
      actionsFor({ roles: ["SEKRETARIAT"] }, { ...base, status: "RECORDED", hasTrackingCode: false }, now),
    ).toEqual([]);
    expect(actionsFor({ roles: ["TIM_TELAAH"] }, { ...base, status: "RECORDED" }, now)).toEqual([
      "review",
      "message",
      "exclude",
    ]);
    expect(actionsFor({ roles: ["KEPALA_DINAS"] }, { ...base, status: "REVIEWED" }, now)).toEqual([
      "convene",
      "exclude",
    ]);
    // No message on an archived case; an exclusion still (the server takes one at any status).
    expect(
      actionsFor({ roles: ["SEKRETARIAT", "TIM_TELAAH", "KEPALA_DINAS"] }, { ...base, status: "ARCHIVED" }, now),
    ).toEqual(["exclude"]);
    expect(actionsFor({ roles: ["SEKRETARIAT"] }, { ...base, status: "ARCHIVED" }, now)).toEqual([]);
    expect(actionsFor({ roles: ["PENGAWAS"] }, { ...base, status: "RECORDED" }, now)).toEqual([]);
  });
});
