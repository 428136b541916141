/**
 * Form tokens: proof that a post comes from a form this server rendered, for posts whose
 * browser says nothing about where they came from (neither Sec-Fetch-Site nor a real Origin).
 * They need no cookie (the portal sets none before tracking sign-in): the token is an HMAC over
 * the form's name, the time it was rendered, a random nonce and the client address it was
 * rendered for, so a token fetched by another site's server is useless from the victim's
 * browser, and every token expires.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { randomToken } from "../domain/crypto.ts";

/** The forms that post to server actions; a token for one is refused by the others. */
export const FORM_NAMES = ["report", "track", "reply", "acknowledge", "signOut", "intake"] as const;
export type FormName = (typeof FORM_NAMES)[number];

/** Long enough to write a report slowly; short enough that an old page cannot be farmed. */
export const FORM_TOKEN_TTL_MS = 12 * 3_600_000;
/** Tolerance for a clock step between instances. */
const FUTURE_SKEW_MS = 60_000;
const TOKEN = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

/** The token key, derived from the session secret so no new secret is needed. */
export function formTokenKey(sessionSecret: string): Buffer {
  return createHmac("sha256", sessionSecret).update("lentera:form-token:v1").digest();
}

const mac = (key: Buffer, form: FormName, issued: string, nonce: string, client: string) =>
  createHmac("sha256", key)
    .update(JSON.stringify([form, issued, nonce, client]))
    .digest();

export function issueFormToken(key: Buffer, form: FormName, client: string, now: Date): string {
  const issued = now.getTime().toString(36);
  const nonce = randomToken(16);
  return `${issued}.${nonce}.${mac(key, form, issued, nonce, client).toString("base64url")}`;
}

export function verifyFormToken(key: Buffer, form: FormName, client: string, token: string, now: Date): boolean {
  const m = TOKEN.exec(token);
  if (!m) return false;
  const [, issued, nonce, given] = m as unknown as [string, string, string, string];
  const age = now.getTime() - parseInt(issued, 36);
  if (!(age >= -FUTURE_SKEW_MS && age <= FORM_TOKEN_TTL_MS)) return false;
  // Compared as text: base64url's last character carries unused bits, so decoding would accept
  // four spellings of one signature.
  return timingSafeEqual(Buffer.from(given), Buffer.from(mac(key, form, issued, nonce, client).toString("base64url")));
}
