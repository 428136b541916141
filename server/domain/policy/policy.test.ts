import { describe, expect, it } from "vitest";
import { Role } from "../../generated/prisma/enums.ts";
import { TRANSITIONS } from "../cases/status-machine.ts";
import {
  isCorrectable,
  may,
  mayCorrect,
  mayMove,
  moveRoles,
  queueStatuses,
  readsOnly,
  rolesFor,
  type Permission,
} from "./policy.ts";
import { RULES } from "./rules.ts";

const R = Role;

describe("the access policy", () => {
  it("gives each permission of the rule table to its roles and to nobody else", () => {
    for (const [permission, roles] of Object.entries(RULES) as [Permission, readonly Role[]][]) {
      for (const role of Object.values(Role))
        expect(may([role], permission), `${role} ${permission}`).toBe(roles.includes(role));
      expect(may([], permission)).toBe(false);
    }
  });

  it("lets case work and reading to case roles only, never to the Admin", () => {
    expect(rolesFor("readCases")).not.toContain(R.ADMIN);
    expect(may([R.ADMIN], "readAgenda")).toBe(false);
    expect(may([R.TIM_AUDIT], "readAgenda")).toBe(false);
    expect(may([R.TIM_AUDIT, R.SEKRETARIAT], "readAgenda")).toBe(true);
    expect(may([R.TIM_AUDIT], "readOfficeStatistics")).toBe(false);
    expect(may([R.PENGAWAS], "readWholeAuditTrail")).toBe(true);
    expect(may([R.ADMIN], "readWholeAuditTrail")).toBe(false);
  });

  it("takes who moves a case from the SOP table", () => {
    expect(rolesFor("recordCase")).toEqual([R.SEKRETARIAT]);
    expect(rolesFor("reviewCase")).toEqual([R.TIM_TELAAH]);
    expect(rolesFor("resumeCase")).toEqual([R.TIM_TELAAH]);
    expect(rolesFor("conveneMeeting")).toEqual([R.KEPALA_DINAS]);
    expect(rolesFor("sendResponse")).toEqual([R.SEKRETARIAT]);
    expect(rolesFor("recordDelivery")).toEqual([R.SEKRETARIAT]);
    expect(rolesFor("archiveCase")).toEqual([R.SEKRETARIAT]);
    // The reporter and the system make moves too, but are no staff role.
    expect(moveRoles("AWAITING_INFO", "RECORDED")).toEqual([R.TIM_TELAAH]);
    expect(moveRoles("SUBMITTED", "ARCHIVED")).toEqual([]);
    for (const t of TRANSITIONS)
      for (const actor of t.by)
        if (actor !== "REPORTER" && actor !== "SYSTEM") expect(mayMove([actor], t.from, t.to)).toBe(true);
    expect(mayMove([R.PENGAWAS], "RECORDED", "REVIEWED")).toBe(false);
  });

  it("lets a list of permissions through to the holders of any one of them", () => {
    expect(may([R.TIM_AUDIT], ["draftBeritaAcara", "draftTanggapan"])).toBe(true);
    expect(may([R.SEKRETARIAT], ["draftBeritaAcara", "draftTanggapan"])).toBe(true);
    expect(may([R.KEPALA_DINAS], ["draftBeritaAcara", "draftTanggapan"])).toBe(false);
    expect(may([R.SEKRETARIAT], [])).toBe(false);
  });

  it("lets the role of the step that issued a letter correct it, and no letter outside the SOP's four", () => {
    expect(mayCorrect("CATATAN_PENGADUAN", [R.SEKRETARIAT])).toBe(true);
    expect(mayCorrect("CATATAN_PENGADUAN", [R.TIM_TELAAH])).toBe(false);
    expect(mayCorrect("SURAT_PENGADUAN", [R.TIM_TELAAH])).toBe(true);
    expect(mayCorrect("BERITA_ACARA", [R.KEPALA_DINAS])).toBe(true);
    expect(mayCorrect("TANGGAPAN", [R.TIM_AUDIT])).toBe(false);
    expect(isCorrectable("DOSSIER")).toBe(false);
    expect(mayCorrect("DOSSIER", Object.values(Role))).toBe(false);
  });

  it("queues for each role the statuses waiting for its move, its draft, its decision or its escalations", () => {
    expect(queueStatuses(R.SEKRETARIAT)).toEqual([
      "SUBMITTED",
      "MINUTED",
      "RESPONDED",
      "RESPONSE_RECEIVED",
      "ESCALATED",
    ]);
    // Tim Telaah may draft the Tanggapan too, so a minuted case waits for it as well.
    expect(queueStatuses(R.TIM_TELAAH)).toEqual(["RECORDED", "AWAITING_INFO", "MINUTED"]);
    expect(queueStatuses(R.TIM_AUDIT)).toEqual(["IN_MEETING", "MINUTED"]);
    expect(queueStatuses(R.KEPALA_DINAS)).toEqual(["REVIEWED", "IN_MEETING", "MINUTED"]);
    expect(queueStatuses(R.PENGAWAS)).toEqual(["ESCALATED"]);
    expect(queueStatuses(R.ADMIN)).toEqual([]);
  });

  it("calls read-only whoever makes no move and does no case work", () => {
    expect(readsOnly([R.PENGAWAS])).toBe(true);
    expect(readsOnly([R.ADMIN])).toBe(true);
    expect(readsOnly([R.PENGAWAS, R.ADMIN])).toBe(true);
    expect(readsOnly([R.TIM_AUDIT])).toBe(false);
    expect(readsOnly([R.PENGAWAS, R.SEKRETARIAT])).toBe(false);
  });
});
