"use client";

import { useTranslations } from "next-intl";

/** tRPC error → translated text (admin.errors.*). */
export function useErrorMessage() {
  const t = useTranslations("admin.errors");
  return (error: { message: string; data?: { code?: string } | null } | null | undefined): string | null => {
    if (!error) return null;
    const known = [
      "not_found",
      "username_taken",
      "nip_taken",
      "self_lockout",
      "self_roles",
      "admin_case_role",
      "last_admin",
      "not_admin",
      "stale_setting",
      "emblem_type",
      "emblem_too_large",
      "emblem_dimensions",
      "emblem_damaged",
    ] as const;
    const code = known.find((k) => k === error.message);
    if (code) return t(code);
    if (error.data?.code === "UNAUTHORIZED") return t("signedOut");
    if (error.data?.code === "SERVICE_UNAVAILABLE") return t("unavailable");
    if (error.data?.code === "FORBIDDEN") return t("forbidden");
    return t("unexpected");
  };
}
