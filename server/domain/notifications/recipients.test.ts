import { describe, expect, it } from "vitest";
import { CaseStatus, Role } from "../../generated/prisma/enums.ts";
import { rolesAtWork, rolesFor } from "../policy/policy.ts";
import { deadlineRoles, handoverRoles, pickRecipients, type Candidate } from "./recipients.ts";

const sorted = (roles: Role[]) => [...roles].sort();

describe("who acts next, from the SOP table", () => {
  it("derives each handover from the status machine", () => {
    expect(handoverRoles(CaseStatus.SUBMITTED)).toEqual([Role.SEKRETARIAT]);
    expect(handoverRoles(CaseStatus.RECORDED)).toEqual([Role.TIM_TELAAH]);
    expect(handoverRoles(CaseStatus.REVIEWED)).toEqual([Role.KEPALA_DINAS]);
    expect(sorted(handoverRoles(CaseStatus.IN_MEETING))).toEqual(sorted([Role.KEPALA_DINAS, Role.TIM_AUDIT]));
    expect(sorted(handoverRoles(CaseStatus.MINUTED))).toEqual(
      sorted([Role.SEKRETARIAT, Role.TIM_TELAAH, Role.TIM_AUDIT]),
    );
    expect(handoverRoles(CaseStatus.RESPONDED)).toEqual([Role.SEKRETARIAT]);
    expect(handoverRoles(CaseStatus.RESPONSE_RECEIVED)).toEqual([Role.SEKRETARIAT]);
    expect(sorted(handoverRoles(CaseStatus.ESCALATED))).toEqual(sorted([Role.SEKRETARIAT, Role.PENGAWAS]));
  });

  it("tells nobody while waiting for the reporter or once archived", () => {
    expect(handoverRoles(CaseStatus.AWAITING_INFO)).toEqual([]);
    expect(handoverRoles(CaseStatus.ARCHIVED)).toEqual([]);
    expect(rolesAtWork(CaseStatus.ARCHIVED)).toEqual([]);
  });

  it("names the drafters the workflow allows", () => {
    for (const r of rolesFor("draftBeritaAcara")) expect(handoverRoles(CaseStatus.IN_MEETING)).toContain(r);
    for (const r of rolesFor("draftTanggapan")) expect(handoverRoles(CaseStatus.MINUTED)).toContain(r);
  });

  it("adds the Pengawas to every deadline notice", () => {
    expect(sorted(deadlineRoles(CaseStatus.SUBMITTED))).toEqual(sorted([Role.SEKRETARIAT, Role.PENGAWAS]));
    expect(sorted(deadlineRoles(CaseStatus.RECORDED))).toEqual(sorted([Role.TIM_TELAAH, Role.PENGAWAS]));
  });
});

describe("pickRecipients", () => {
  const people: Candidate[] = [
    { id: "sek", roles: [Role.SEKRETARIAT], active: true, excluded: false },
    { id: "sek-off", roles: [Role.SEKRETARIAT], active: false, excluded: false },
    { id: "sek-excl", roles: [Role.SEKRETARIAT], active: true, excluded: true },
    { id: "telaah", roles: [Role.TIM_TELAAH], active: true, excluded: false },
    { id: "kadis", roles: [Role.KEPALA_DINAS], active: true, excluded: false },
    { id: "kadis-audit", roles: [Role.KEPALA_DINAS, Role.TIM_AUDIT], active: true, excluded: false },
    { id: "pengawas", roles: [Role.PENGAWAS], active: true, excluded: false },
    { id: "admin", roles: [Role.ADMIN], active: true, excluded: false },
  ];

  it("picks the roles' active members who may see the case", () => {
    expect(pickRecipients(people, { roles: [Role.SEKRETARIAT], involvesLeadership: false })).toEqual(["sek"]);
  });

  it("skips the member who caused the event", () => {
    expect(
      pickRecipients(people, {
        roles: [Role.SEKRETARIAT, Role.TIM_TELAAH],
        involvesLeadership: false,
        exceptUserId: "sek",
      }),
    ).toEqual(["telaah"]);
  });

  it("never tells a Kepala Dinas account about a case involving the leadership, whatever else it holds", () => {
    expect(
      pickRecipients(people, { roles: [Role.KEPALA_DINAS, Role.TIM_AUDIT, Role.PENGAWAS], involvesLeadership: true }),
    ).toEqual(["pengawas"]);
    expect(pickRecipients(people, { roles: [Role.KEPALA_DINAS], involvesLeadership: false })).toEqual([
      "kadis",
      "kadis-audit",
    ]);
  });

  it("names attendees individually, still through the visibility rule", () => {
    expect(
      pickRecipients(people, {
        roles: [],
        userIds: ["telaah", "sek-excl", "admin", "kadis"],
        involvesLeadership: true,
      }),
    ).toEqual(["telaah"]);
  });

  it("never tells an Admin", () => {
    expect(pickRecipients(people, { roles: [Role.ADMIN, Role.SEKRETARIAT], involvesLeadership: false })).toEqual([
      "sek",
    ]);
  });
});
