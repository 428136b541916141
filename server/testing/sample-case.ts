/** Tests: a valid report and a case made from it through the portal's own submission. */
import { randomToken } from "../domain/crypto.ts";
import { reportSchema } from "../domain/cases/report-content.ts";
import { submitPortalReport } from "../domain/reporter/submit-report.ts";
import type { SanitizedFile } from "../domain/uploads/sanitize.ts";
import type { Db } from "../db.ts";
import { env } from "../env.ts";

export const sampleReport = (involvesLeadership = false) =>
  reportSchema.parse({
    category: "BRIBERY",
    content: {
      what: "Suap untuk mempercepat izin",
      persons: [{ name: "Pak X", position: "Kasi" }],
      where: "Loket",
      when: "Oktober 2026",
      how: "Tunai",
      evidence: "",
      witnesses: "",
    },
    identityMode: "ANONYMOUS",
    involvesLeadership,
  });

/** A portal case; returns its id and reference. */
export async function submitSampleCase(
  db: Db,
  options: { involvesLeadership?: boolean; files?: SanitizedFile[] } = {},
  masterKey: Buffer = env().secrets.masterKey,
) {
  const receipt = await submitPortalReport(
    db,
    { ...env().secrets, masterKey },
    { report: sampleReport(options.involvesLeadership), files: options.files ?? [], idempotencyKey: randomToken() },
  );
  const row = await db.case.findUniqueOrThrow({ where: { reference: receipt.reference }, select: { id: true } });
  return { caseId: row.id, reference: receipt.reference };
}
