/**
 * The values a form page makes afresh for each view: the form token (bound to the form and to
 * the client's address, server/security/form-token.ts) and the idempotency key of a form that
 * creates something (a double submit of one view creates one thing). One function each, used
 * alike by a page rendered per request and by a form page answered from its template.
 */
import { randomToken } from "../../domain/crypto.ts";
import { env } from "../../env.ts";
import { clientAddressOf } from "../../net/request-address.ts";
import { formTokenKey, issueFormToken, type FormName } from "../../security/form-token.ts";

export type HeaderSource = Parameters<typeof clientAddressOf>[0];

/** The token for `form` on a page answered to the request with these headers. */
export function formTokenOf(form: FormName, headers: HeaderSource, now: Date): string {
  return issueFormToken(formTokenKey(env().secrets.sessionSecret), form, clientAddressOf(headers), now);
}

/** A fresh idempotency key for one view of a form. */
export function freshIdempotencyKey(): string {
  return randomToken();
}
