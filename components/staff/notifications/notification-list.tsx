"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Link } from "@/i18n/navigation.ts";
import { useTRPC } from "../trpc.tsx";
import { linkClass, secondaryButtonClass } from "@/components/ui/button.tsx";

/** The member's notifications, newest first; unread ones stand out and can be marked read. */
export function NotificationList() {
  const t = useTranslations("notifications");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.notifications.list.queryOptions({ unreadOnly: false }));
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.notifications.list.queryKey() });
    router.refresh(); // the header's count
  };
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions({ onSuccess: refresh }));
  const markAll = useMutation(trpc.notifications.markAllRead.mutationOptions({ onSuccess: refresh }));
  const when = (d: Date) => format.dateTime(d, { dateStyle: "full", timeStyle: "short" });

  if (!list.data) return <p>…</p>;
  if (list.data.items.length === 0) return <p data-testid="notifications-empty">{t("empty")}</p>;
  return (
    <div className="space-y-3">
      {list.data.unread > 0 && (
        <button
          type="button"
          className={secondaryButtonClass}
          disabled={markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          {t("markAllRead")}
        </button>
      )}
      <ul className="space-y-2" data-testid="notification-list">
        {list.data.items.map((n) => (
          <li
            key={n.id}
            data-testid="notification"
            data-unread={n.readAt ? "false" : "true"}
            className={`rounded border p-3 ${n.readAt ? "border-slate-300 bg-white" : "border-brand-700 bg-brand-50"}`}
          >
            <p className="font-semibold">
              <span className="sr-only">{n.readAt ? t("read") : t("unread")}: </span>
              {t(`kind.${n.kind}`)}
            </p>
            <p className="text-sm text-slate-700">
              {n.reference}
              {n.step !== null && ` · ${t("step", { step: n.step })}`}
              {n.dueAt && ` · ${t("due", { time: when(n.dueAt) })}`}
            </p>
            <p className="text-sm text-slate-600">{when(n.createdAt)}</p>
            <div className="mt-2 flex flex-wrap gap-3">
              {n.caseId && (
                <Link
                  href={`/staff/kasus/${n.caseId}`}
                  className={linkClass}
                  onClick={() => !n.readAt && markRead.mutate({ ids: [n.id] })}
                >
                  {t("openCase", { reference: n.reference })}
                </Link>
              )}
              {!n.readAt && (
                <button
                  type="button"
                  className="text-sm font-semibold text-brand-800 underline"
                  onClick={() => markRead.mutate({ ids: [n.id] })}
                >
                  {t("markRead")}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
