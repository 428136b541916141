/**
 * Sends the email outbox. A batch is claimed in one statement (FOR UPDATE SKIP LOCKED sets a
 * claim token and a lease), so concurrent senders, in one process or many, never take the same
 * row. Each claimed row is sent outside any transaction and marked sent only by the holder of its
 * token. A failure leaves the row pending with a later attempt time (exponential backoff, kept in
 * the row, so it survives restarts and SMTP outages). A sender that dies between the SMTP
 * server's acceptance and the mark leaves the lease to expire and the row is sent again: the
 * only way a message can arrive twice, and only after a crash.
 */
import { randomUUID } from "node:crypto";
import type { Transporter } from "nodemailer";
import type { Db } from "../../db.ts";
import { EmailStatus } from "../../generated/prisma/enums.ts";
import { getSetting } from "../settings.ts";
import { renderEmail, type EmailItem, type EmailLocale } from "./email-content.ts";
import { loadSmtp } from "./notification-settings.ts";
import { describeSmtpError, SMTP_TIMEOUT_MS, smtpTransport } from "./smtp-transport.ts";

/** Longer than one send can take (three SMTP timeouts), so a live sender never loses its claim. */
export const CLAIM_MS = 4 * SMTP_TIMEOUT_MS;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_MAX_MS = 60 * 60_000;

/** Wait before attempt n+1 after n failed attempts: 30 s, 1 min, 2 min … at most 1 h. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

export interface SenderOptions {
  masterKey: Buffer;
  /** Public base URL for links (NEXTAUTH_URL). */
  baseUrl: string;
  now?: Date;
  batch?: number;
  /** Tests: a transport of their own; otherwise one is made from the stored settings. */
  transport?: Transporter;
}

interface Claimed {
  id: string;
  user_id: string;
  items: unknown;
  attempts: number;
}

export async function claimBatch(db: Db, now: Date, batch: number): Promise<{ token: string; rows: Claimed[] }> {
  const token = randomUUID();
  const until = new Date(now.getTime() + CLAIM_MS);
  const rows = await db.$queryRaw<Claimed[]>`
    UPDATE email_outbox SET claim_token = ${token}, claimed_until = ${until}
    WHERE id IN (
      SELECT id FROM email_outbox
      WHERE status = 'PENDING' AND next_attempt_at <= ${now} AND (claimed_until IS NULL OR claimed_until < ${now})
      ORDER BY next_attempt_at, id
      LIMIT ${batch}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, user_id, items, attempts`;
  return { token, rows };
}

export interface SendResult {
  sent: number;
  failed: number;
  skipped: number;
}

/** One pass: claims due rows and sends them. Does nothing while email is switched off. */
export async function sendOutbox(db: Db, options: SenderOptions): Promise<SendResult> {
  const result: SendResult = { sent: 0, failed: 0, skipped: 0 };
  const smtp = await loadSmtp(db);
  if (!smtp.enabled && !options.transport) return result;
  const now = options.now ?? new Date();
  const { token, rows } = await claimBatch(db, now, options.batch ?? 20);
  if (rows.length === 0) return result;
  const timeZone = (await getSetting(db, "office.hours")).timeZone;
  const transport = options.transport ?? smtpTransport(options.masterKey, smtp);
  try {
    for (const row of rows) {
      const user = await db.staffUser.findUnique({
        where: { id: row.user_id },
        select: { email: true, active: true, emailLocale: true },
      });
      if (!user?.email || !user.active) {
        await db.emailOutbox.updateMany({
          where: { id: row.id, claimToken: token },
          data: { status: EmailStatus.SKIPPED, claimToken: null, claimedUntil: null },
        });
        result.skipped++;
        continue;
      }
      const locale: EmailLocale = user.emailLocale === "en" ? "en" : "id";
      const { subject, text } = renderEmail(row.items as EmailItem[], {
        locale,
        baseUrl: options.baseUrl.replace(/\/+$/, ""),
        timeZone,
      });
      try {
        await transport.sendMail({
          from: smtp.from || undefined,
          to: user.email,
          subject,
          text,
          headers: { "X-Lentera-Outbox-Id": row.id },
        });
        await db.emailOutbox.updateMany({
          where: { id: row.id, claimToken: token },
          data: {
            status: EmailStatus.SENT,
            sentAt: new Date(),
            attempts: row.attempts + 1,
            claimToken: null,
            claimedUntil: null,
            lastError: null,
          },
        });
        result.sent++;
      } catch (e) {
        const attempts = row.attempts + 1;
        await db.emailOutbox.updateMany({
          where: { id: row.id, claimToken: token },
          data: {
            attempts,
            nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
            claimToken: null,
            claimedUntil: null,
            lastError: describeSmtpError(e),
          },
        });
        result.failed++;
      }
    }
  } finally {
    if (!options.transport) transport.close();
  }
  return result;
}
