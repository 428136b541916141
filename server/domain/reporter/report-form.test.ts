import { describe, expect, it } from "vitest";
import { settingDefaults } from "../settings-defaults.ts";
import { readReportForm } from "./report-form.ts";

const limits = settingDefaults["uploads.limits"];

function form(fields: Record<string, string | string[]>, files: File[] = []) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const value of Array.isArray(v) ? v : [v]) fd.append(k, value);
  for (const f of files) fd.append("files", f);
  return fd;
}
const valid = {
  category: "BRIBERY",
  what: "Suap untuk izin",
  personName: ["Andi", "", ""],
  personPosition: ["Kasi", "", ""],
  goodFaith: "on",
  idempotencyKey: "k".repeat(43),
};

describe("report form", () => {
  it("reads a valid anonymous report and drops identity fields typed anyway", () => {
    const r = readReportForm(form({ ...valid, identityMode: "ANONYMOUS", identityName: "Siti" }), limits);
    expect(r.errors).toEqual({});
    expect(r.report?.identity).toBeUndefined();
    expect(r.report?.content.persons).toEqual([{ name: "Andi", position: "Kasi" }]);
  });

  it("needs a name and contact for a confidential report", () => {
    const r = readReportForm(form({ ...valid, identityMode: "CONFIDENTIAL", identityName: "Siti" }), limits);
    expect(r.errors).toEqual({ identityContact: [{ code: "required" }] });
    expect(r.values.identityName).toBe("Siti");
  });

  it("points a person row with only a position at its own name field", () => {
    const r = readReportForm(
      form({ ...valid, personName: ["Andi", "", ""], personPosition: ["Kasi", "", "Bendahara"] }),
      limits,
    );
    expect(r.errors).toEqual({ "person.2.name": [{ code: "required" }] });
  });

  it("reports every missing or oversized field at once and ignores the empty file entry", () => {
    const r = readReportForm(
      form({ what: "x".repeat(200_000), personName: ["", "", ""], personPosition: ["", "", ""] }, [new File([], "")]),
      limits,
    );
    expect(Object.keys(r.errors).sort()).toEqual(["category", "goodFaith", "persons", "what"]);
    expect(r.errors.what).toEqual([{ code: "too_long", max: 10_000 }]);
    expect(r.files).toEqual([]);
    expect(r.report).toBeUndefined();
  });

  it("refuses six files and a file over the size limit by count and size, before reading them", () => {
    const six = Array.from({ length: 6 }, (_, i) => new File(["a"], `f${i}.txt`));
    expect(readReportForm(form(valid, six), limits).errors.files).toEqual([{ code: "too_many", max: 5 }]);
    const big = new File([new Uint8Array(limits.maxFileBytes + 1)], "besar.jpg");
    expect(readReportForm(form(valid, [big]), limits).errors.files).toEqual([
      { code: "too_large", file: "besar.jpg", max: limits.maxFileBytes },
    ]);
  });
});
