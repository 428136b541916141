import { FORM_TOKEN_FIELD } from "@/server/security/form-token-field.ts";

/** The token this form was rendered with, posted back so the server can tell its own forms. */
export function FormTokenInput({ token }: { token: string }) {
  return <input type="hidden" name={FORM_TOKEN_FIELD} value={token} />;
}
