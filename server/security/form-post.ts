/**
 * Whether a form post may act: the browser's word when it gives one (Sec-Fetch-Site, or a real
 * Origin), otherwise a valid form token for this form and this client.
 */
import { verifyFormToken, type FormName } from "./form-token.ts";
import { requestOrigin } from "./request-origin.ts";

export interface FormPost {
  headers: { get(name: string): string | null };
  form: FormName;
  token: FormDataEntryValue | null;
  client: string;
}

export function formPostAllowed(post: FormPost, key: Buffer, now: Date): boolean {
  const verdict = requestOrigin(post.headers);
  if (verdict !== "unknown") return verdict === "same-origin";
  return typeof post.token === "string" && verifyFormToken(key, post.form, post.client, post.token, now);
}
