import { describe, expect, it } from "vitest";
import { renderEmail } from "./email-content.ts";

const ctx = { baseUrl: "https://wbs.example.go.id", timeZone: "Asia/Jakarta" };
const item = {
  kind: "OVERDUE" as const,
  caseId: "c-1",
  reference: "WBS-2026-0007",
  step: 3,
  dueAt: "2026-12-02T07:30:00.000Z",
};

describe("notification email text", () => {
  it("gives the reference, the step, the due time in office time and the case link, in Indonesian", () => {
    const { subject, text } = renderEmail([item], { ...ctx, locale: "id" });
    expect(subject).toBe("[Lentera] WBS-2026-0007: Batas waktu langkah telah terlewati");
    expect(text).toContain("Langkah: 3 — Penelaahan");
    expect(text).toMatch(/Batas waktu: Rabu, 2 Desember 2026( pukul)? 14[.:]30 WIB/);
    expect(text).toContain("https://wbs.example.go.id/staff/kasus/c-1");
  });

  it("in English, with the English page", () => {
    const { subject, text } = renderEmail([item], { ...ctx, locale: "en" });
    expect(subject).toBe("[Lentera] WBS-2026-0007: A step's time limit has passed");
    expect(text).toContain("https://wbs.example.go.id/en/staff/kasus/c-1");
    expect(text).toContain("Step: 3 — Review");
  });

  it("lists several notices in a digest", () => {
    const { subject, text } = renderEmail(
      [item, { ...item, reference: "WBS-2026-0008", kind: "NEW_REPORT", step: 2 }],
      { ...ctx, locale: "id" },
    );
    expect(subject).toBe("[Lentera] Ringkasan notifikasi (2)");
    expect(text).toContain("WBS-2026-0007");
    expect(text).toContain("WBS-2026-0008");
  });
});
