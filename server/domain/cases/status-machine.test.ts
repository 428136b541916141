import { describe, expect, it } from "vitest";
import { CaseStatus, Role } from "../../generated/prisma/enums.ts";
import { allowedMoves, findTransition, IllegalTransitionError, TRANSITIONS, type Actor } from "./status-machine.ts";

const ACTORS: Actor[] = [...Object.values(Role), "REPORTER", "SYSTEM"];

describe("SOP state machine", () => {
  it("reaches every status from SUBMITTED", () => {
    const seen = new Set<CaseStatus>([CaseStatus.SUBMITTED]);
    const queue: CaseStatus[] = [CaseStatus.SUBMITTED];
    while (queue.length) {
      const from = queue.shift()!;
      for (const t of TRANSITIONS.filter((m) => m.from === from && !seen.has(m.to))) {
        seen.add(t.to);
        queue.push(t.to);
      }
    }
    expect([...seen].sort()).toEqual(Object.values(CaseStatus).sort());
  });

  it("walks the eight steps in order", () => {
    const steps = TRANSITIONS.filter((t) => t.step !== null).sort((a, b) => a.step! - b.step!);
    expect(steps.map((t) => t.step)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    for (let i = 1; i < steps.length; i++) expect(steps[i]!.from).toBe(steps[i - 1]!.to);
  });

  it("names a role for every move and a reason for every side path", () => {
    for (const t of TRANSITIONS) {
      expect(t.by.length).toBeGreaterThan(0);
      if (t.step === null && t.to !== CaseStatus.RECORDED) expect(t.needsReason).toBe(true);
    }
  });

  it("refuses every move that is not in the table, for every actor", () => {
    for (const from of Object.values(CaseStatus))
      for (const to of Object.values(CaseStatus))
        for (const actor of ACTORS) {
          const legal = TRANSITIONS.some((t) => t.from === from && t.to === to && t.by.includes(actor));
          if (legal) expect(findTransition(from, to, actor).to).toBe(to);
          else expect(() => findTransition(from, to, actor)).toThrow(IllegalTransitionError);
        }
  });

  it("lets the reporter only answer a question and acknowledge the response", () => {
    const reporterMoves = Object.values(CaseStatus).flatMap((s) => allowedMoves(s, "REPORTER"));
    expect(reporterMoves.map((t) => `${t.from}>${t.to}`).sort()).toEqual([
      "AWAITING_INFO>RECORDED",
      "RESPONDED>RESPONSE_RECEIVED",
    ]);
  });

  it("never lets Admin or Pengawas move a case", () => {
    for (const s of Object.values(CaseStatus)) {
      expect(allowedMoves(s, Role.ADMIN)).toEqual([]);
      expect(allowedMoves(s, Role.PENGAWAS)).toEqual([]);
    }
  });
});
