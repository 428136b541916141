"use client";

import { useTranslations } from "next-intl";
import { reasonOf } from "@/components/staff/reason.ts";
import { ADMIN_ERROR_CODES } from "@/server/domain/admin/errors.ts";

/** tRPC error → translated text (admin.errors.*), picked by the refusal's reason key (`admin.<code>`). */
export function useErrorMessage() {
  const t = useTranslations("admin.errors");
  return (
    error: { message: string; data?: { code?: string; reason?: unknown } | null } | null | undefined,
  ): string | null => {
    if (!error) return null;
    const reason = reasonOf(error);
    const code = ADMIN_ERROR_CODES.find((k) => reason === `admin.${k}`);
    if (code) return t(code);
    if (error.data?.code === "UNAUTHORIZED") return t("signedOut");
    if (error.data?.code === "SERVICE_UNAVAILABLE") return t("unavailable");
    if (error.data?.code === "FORBIDDEN") return t("forbidden");
    return t("unexpected");
  };
}
