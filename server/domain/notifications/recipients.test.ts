import { describe, expect, it } from "vitest";
import { CaseStatus, Role } from "../../generated/prisma/enums.ts";
import { rolesFor } from "../policy/policy.ts";
import { deadlineRoles, handoverRoles, pickRecipients, rolesActingOn, type Candidate } from "./recipients.ts";

const S = CaseStatus;
const R = Role;
const sorted = (roles: Role[]) => [...roles].sort();

describe("who acts next, from the SOP table", () => {
  it("derives each handover from the status machine", () => {
    expect(handoverRoles(S.SUBMITTED)).toEqual([R.SEKRETARIAT]);
    expect(handoverRoles(S.RECORDED)).toEqual([R.TIM_TELAAH]);
    expect(handoverRoles(S.REVIEWED)).toEqual([R.KEPALA_DINAS]);
    expect(sorted(handoverRoles(S.IN_MEETING))).toEqual(sorted([R.KEPALA_DINAS, R.TIM_AUDIT]));
    expect(sorted(handoverRoles(S.MINUTED))).toEqual(sorted([R.SEKRETARIAT, R.TIM_TELAAH, R.TIM_AUDIT]));
    expect(handoverRoles(S.RESPONDED)).toEqual([R.SEKRETARIAT]);
    expect(handoverRoles(S.RESPONSE_RECEIVED)).toEqual([R.SEKRETARIAT]);
    expect(sorted(handoverRoles(S.ESCALATED))).toEqual(sorted([R.SEKRETARIAT, R.PENGAWAS]));
  });

  it("tells nobody while waiting for the reporter or once archived", () => {
    expect(handoverRoles(S.AWAITING_INFO)).toEqual([]);
    expect(handoverRoles(S.ARCHIVED)).toEqual([]);
    expect(rolesActingOn(S.ARCHIVED)).toEqual([]);
  });

  it("names the drafters the workflow allows", () => {
    for (const r of rolesFor("draftBeritaAcara")) expect(handoverRoles(S.IN_MEETING)).toContain(r);
    for (const r of rolesFor("draftTanggapan")) expect(handoverRoles(S.MINUTED)).toContain(r);
  });

  it("adds the Pengawas to every deadline notice", () => {
    expect(sorted(deadlineRoles(S.SUBMITTED))).toEqual(sorted([R.SEKRETARIAT, R.PENGAWAS]));
    expect(sorted(deadlineRoles(S.RECORDED))).toEqual(sorted([R.TIM_TELAAH, R.PENGAWAS]));
  });
});

describe("pickRecipients", () => {
  const people: Candidate[] = [
    { id: "sek", roles: [R.SEKRETARIAT], active: true, excluded: false },
    { id: "sek-off", roles: [R.SEKRETARIAT], active: false, excluded: false },
    { id: "sek-excl", roles: [R.SEKRETARIAT], active: true, excluded: true },
    { id: "telaah", roles: [R.TIM_TELAAH], active: true, excluded: false },
    { id: "kadis", roles: [R.KEPALA_DINAS], active: true, excluded: false },
    { id: "kadis-audit", roles: [R.KEPALA_DINAS, R.TIM_AUDIT], active: true, excluded: false },
    { id: "pengawas", roles: [R.PENGAWAS], active: true, excluded: false },
    { id: "admin", roles: [R.ADMIN], active: true, excluded: false },
  ];

  it("picks the roles' active members who may see the case", () => {
    expect(pickRecipients(people, { roles: [R.SEKRETARIAT], involvesLeadership: false })).toEqual(["sek"]);
  });

  it("skips the member who caused the event", () => {
    expect(pickRecipients(people, { roles: [R.SEKRETARIAT, R.TIM_TELAAH], involvesLeadership: false, exceptUserId: "sek" })).toEqual(["telaah"]);
  });

  it("never tells a Kepala Dinas account about a case involving the leadership, whatever else it holds", () => {
    expect(pickRecipients(people, { roles: [R.KEPALA_DINAS, R.TIM_AUDIT, R.PENGAWAS], involvesLeadership: true })).toEqual(["pengawas"]);
    expect(pickRecipients(people, { roles: [R.KEPALA_DINAS], involvesLeadership: false })).toEqual(["kadis", "kadis-audit"]);
  });

  it("names attendees individually, still through the visibility rule", () => {
    expect(pickRecipients(people, { roles: [], userIds: ["telaah", "sek-excl", "admin", "kadis"], involvesLeadership: true })).toEqual(["telaah"]);
  });

  it("never tells an Admin", () => {
    expect(pickRecipients(people, { roles: [R.ADMIN, R.SEKRETARIAT], involvesLeadership: false })).toEqual(["sek"]);
  });
});
