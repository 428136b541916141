/**
 * The scheduled backups' state (admin.backup.status), for Admin and Pengawas: a failed or
 * overdue backup is an alert in red, so it is seen, not found.
 */
import type { inferRouterOutputs } from "@trpc/server";
import { useFormatter, useTranslations } from "next-intl";
import type { AppRouter } from "@/server/routers/_app.ts";

export type BackupStatusData = inferRouterOutputs<AppRouter>["admin"]["backup"]["status"];

const STYLE = {
  ok: "border-brand-700 bg-brand-50 text-brand-900",
  pending: "border-amber-600 bg-amber-50 text-amber-900",
  off: "border-amber-600 bg-amber-50 text-amber-900",
  failed: "border-red-700 bg-red-50 text-red-900",
  overdue: "border-red-700 bg-red-50 text-red-900",
} as const;

export function BackupStatusPanel({ data }: { data: BackupStatusData }) {
  const t = useTranslations("backup.status");
  const format = useFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const { health, status } = data;
  const alarm = health === "failed" || health === "overdue";
  return (
    <section
      aria-labelledby="backup-status-title"
      data-testid="backup-status"
      data-health={health}
      role={alarm ? "alert" : undefined}
      className={`space-y-1 rounded border-l-4 p-3 ${STYLE[health]}`}
    >
      <h2 id="backup-status-title" className="font-bold">
        {t("title")}
      </h2>
      <p className={alarm ? "font-semibold" : undefined}>{t(health)}</p>
      {status.lastSuccessAt ? (
        <p className="text-sm">{t("lastSuccess", { date: when(status.lastSuccessAt) })}</p>
      ) : null}
      {status.lastSuccessFile && health === "ok" ? (
        <p className="text-sm break-all">{t("file", { file: status.lastSuccessFile })}</p>
      ) : null}
      {status.lastFailureAt &&
      (health === "failed" || !status.lastSuccessAt || status.lastFailureAt > status.lastSuccessAt) ? (
        <p className="text-sm break-all">
          {t("lastFailure", { date: when(status.lastFailureAt), reason: status.lastFailureReason ?? "" })}
        </p>
      ) : null}
    </section>
  );
}
