import "server-only";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation.ts";
import { staffFrame } from "@/server/http/staff/staff-frame.ts";

/** The staff header's bell: a link to /staff/notifikasi with the number of unread notifications. */
export async function NotificationBell({ current }: { current?: boolean }) {
  const t = await getTranslations("notifications");
  // Read with the layout's sample-data banner, in one statement per page view.
  const unread = (await staffFrame())?.unread ?? 0;
  return (
    <Link
      href="/staff/notifikasi"
      aria-current={current ? "page" : undefined}
      aria-label={unread ? t("bellUnread", { count: unread }) : t("bell")}
      data-testid="notification-bell"
      className={`inline-flex items-center gap-2 rounded px-3 py-1.5 font-semibold ${current ? "bg-brand-700 text-white" : "border border-brand-700 bg-white text-brand-800 hover:bg-brand-50"}`}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      <span>{t("bell")}</span>
      {unread > 0 && (
        <span data-testid="notification-count" className="rounded-full bg-red-700 px-2 text-sm text-white">
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
