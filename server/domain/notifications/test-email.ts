/** Admin's "send a test email": sent at once (not through the outbox) so the page shows the outcome. */
import type { Db } from "../../db.ts";
import { getSetting } from "../settings.ts";
import { appendAudit } from "../audit.ts";
import { renderEmail } from "./email-content.ts";
import { loadSmtp } from "./notification-settings.ts";
import { describeSmtpError, smtpTransport } from "./smtp-transport.ts";

export type TestEmailResult =
  { ok: true; to: string } | { ok: false; reason: "not_configured" | "no_address" | "failed"; detail?: string };

export async function sendTestEmail(
  db: Db,
  masterKey: Buffer,
  adminId: string,
  baseUrl: string,
  now = new Date(),
): Promise<TestEmailResult> {
  const smtp = await loadSmtp(db);
  if (!smtp.host || !smtp.from) return { ok: false, reason: "not_configured" };
  const admin = await db.staffUser.findUniqueOrThrow({
    where: { id: adminId },
    select: { email: true, username: true, emailLocale: true },
  });
  if (!admin.email) return { ok: false, reason: "no_address" };
  const { subject, text } = renderEmail([], {
    locale: admin.emailLocale === "en" ? "en" : "id",
    baseUrl,
    timeZone: (await getSetting(db, "office.hours")).timeZone,
  });
  const transport = smtpTransport(masterKey, smtp);
  let outcome: TestEmailResult;
  try {
    await transport.sendMail({ from: smtp.from, to: admin.email, subject, text });
    outcome = { ok: true, to: admin.email };
  } catch (e) {
    outcome = { ok: false, reason: "failed", detail: describeSmtpError(e) };
  } finally {
    transport.close();
  }
  await appendAudit(db, {
    actorId: adminId,
    actorLabel: admin.username,
    action: "notifications.test_email",
    detail: { ok: outcome.ok },
    at: now,
  });
  return outcome;
}
