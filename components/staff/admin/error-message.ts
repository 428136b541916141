"use client";

import { useTranslations } from "next-intl";
import { reasonOf } from "@/components/staff/reason.ts";

/** tRPC error → translated text (admin.errors.*), picked by the refusal's reason key (`admin.<code>`). */
export function useErrorMessage() {
  const t = useTranslations("admin.errors");
  return (
    error: { message: string; data?: { code?: string; reason?: unknown } | null } | null | undefined,
  ): string | null => {
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
    const reason = reasonOf(error);
    const code = known.find((k) => reason === `admin.${k}`);
    if (code) return t(code);
    if (error.data?.code === "UNAUTHORIZED") return t("signedOut");
    if (error.data?.code === "SERVICE_UNAVAILABLE") return t("unavailable");
    if (error.data?.code === "FORBIDDEN") return t("forbidden");
    return t("unexpected");
  };
}
