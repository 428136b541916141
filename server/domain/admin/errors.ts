/**
 * Refusals of the admin functions, each a DomainError with the reason `admin.<code>`, which the
 * pages translate (i18n/messages/admin/*.json, `admin.errors.<code>`).
 */
import { DomainError } from "../errors.ts";

export const ADMIN_ERROR_CODES = [
  /** No such user. */
  "not_found",
  "username_taken",
  "nip_taken",
  /** An Admin may not deactivate themself or take away their own ADMIN role. */
  "self_lockout",
  /** No account changes its own roles. */
  "self_roles",
  /** ADMIN cannot be held together with a case role (Admin never reads a case). */
  "admin_case_role",
  /** The change would leave no active Admin. */
  "last_admin",
  /** The caller stopped being an active Admin after the request started. */
  "not_admin",
  /** Someone else saved this setting since the form was loaded. */
  "stale_setting",
  /** The emblem is not a PNG or JPEG image (judged by its content, never its name). */
  "emblem_type",
  /** The emblem file is larger than EMBLEM_MAX_BYTES. */
  "emblem_too_large",
  /** The emblem is smaller or larger than the allowed pixel dimensions. */
  "emblem_dimensions",
  /** The emblem claims to be PNG or JPEG but cannot be decoded. */
  "emblem_damaged",
] as const;

export type AdminErrorCode = (typeof ADMIN_ERROR_CODES)[number];

export class AdminError extends DomainError {
  override name = "AdminError";
  constructor(adminCode: AdminErrorCode) {
    super(`admin.${adminCode}`);
  }
}
