import { getTranslations } from "next-intl/server";
import { localePath } from "@/i18n/routing.ts";
import { LinkNav } from "@/components/ui/tab-nav.tsx";
import { SignOutButton } from "@/components/staff/sign-out-button.tsx";
import { NotificationBell } from "@/components/staff/notifications/notification-bell.tsx";
import type { Me } from "./cases/types.ts";
import { may } from "@/server/domain/policy/policy.ts";
import { shownLinks } from "./nav-links.ts";

export type StaffNavItem =
  "queue" | "intake" | "agenda" | "dashboard" | "admin" | "audit" | "security" | "notifications";

/** The workspace bar on every case page: who is signed in, where they can go, sign out. */
export async function StaffNav({ me, locale, current }: { me: Me; locale: string; current?: StaffNavItem }) {
  const t = await getTranslations("workspace.nav");
  const roles = await getTranslations("roles");
  const items: { key: StaffNavItem; href: string; show: boolean }[] = [
    { key: "queue", href: "/staff/kasus", show: may(me.roles, "readCases") },
    { key: "intake", href: "/staff/kasus/baru", show: may(me.roles, "recordIntake") },
    { key: "agenda", href: "/staff/agenda", show: may(me.roles, "readAgenda") },
    { key: "dashboard", href: "/staff/dasbor", show: may(me.roles, "readOfficeStatistics") },
    { key: "admin", href: "/staff/admin/pengguna", show: may(me.roles, "administer") },
    // An Admin reaches the audit trail from the admin pages.
    { key: "audit", href: "/staff/audit", show: may(me.roles, "readAuditTrail") && !may(me.roles, "administer") },
    { key: "security", href: "/staff/keamanan", show: true },
  ];
  return (
    <div className="mb-6 rounded border border-slate-300 bg-slate-50 p-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <p className="font-semibold break-words" data-testid="staff-name">
            {t("signedInAs", { name: me.name })}
          </p>
          <p className="text-sm text-slate-700">
            {t("roles", { roles: me.roles.map((r) => roles(r as never)).join(", ") })}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <NotificationBell current={current === "notifications"} />
          <SignOutButton label={t("signOut")} callbackUrl={localePath(locale, "/staff/masuk")} />
        </div>
      </div>
      <LinkNav
        label={t("label")}
        className="mt-3"
        listClassName="flex flex-wrap gap-2"
        links={shownLinks(items, (key) => t(key), current)}
        linkClassName={(on) =>
          `inline-block rounded px-3 py-1.5 font-semibold ${on ? "bg-brand-700 text-white" : "border border-brand-700 bg-white text-brand-800 hover:bg-brand-50"}`
        }
      />
    </div>
  );
}
