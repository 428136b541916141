/** A nodemailer transport for the stored SMTP settings, with timeouts shorter than a sender's claim. */
import nodemailer, { type Transporter } from "nodemailer";
import { openPassword, type StoredSmtp } from "./notification-settings.ts";

export const SMTP_TIMEOUT_MS = 20_000;

export function smtpTransport(masterKey: Buffer, s: StoredSmtp): Transporter {
  const pass = openPassword(masterKey, s);
  return nodemailer.createTransport({
    host: s.host,
    port: s.port,
    secure: s.tls === "tls",
    requireTLS: s.tls === "starttls",
    ignoreTLS: s.tls === "none",
    auth: s.user ? { user: s.user, pass: pass ?? "" } : undefined,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
    // nodemailer logs nothing unless asked; never ask (the password would be in the AUTH lines).
    logger: false,
    debug: false,
  });
}

/**
 * A failure as something safe to store and log: the SMTP reply code or the network error code,
 * never the server's full reply (it may echo the user name) or the credentials.
 */
export function describeSmtpError(e: unknown): string {
  if (e && typeof e === "object") {
    const err = e as { code?: unknown; responseCode?: unknown; command?: unknown };
    const parts = [
      typeof err.code === "string" ? err.code : null,
      typeof err.responseCode === "number" ? `SMTP ${err.responseCode}` : null,
      typeof err.command === "string" ? `at ${err.command.split(" ")[0]}` : null,
    ].filter(Boolean);
    if (parts.length) return parts.join(" ");
  }
  return "send failed";
}
