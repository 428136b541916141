import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation.ts";
import { LinkNav } from "@/components/ui/tab-nav.tsx";
import { PageSection } from "@/components/ui/page-section.tsx";
import { may } from "@/server/domain/policy/policy.ts";
import { shownLinks } from "../nav-links.ts";

type Area = "users" | "settings" | "audit";

/** Navigation between the admin pages and the audit trail, showing only what the roles allow. */
export function AdminNav({ roles, current }: { roles: readonly string[]; current?: Area }) {
  const t = useTranslations("admin.nav");
  const isAdmin = may(roles, "administer");
  const links: { key: Area | "workspace"; href: string; show: boolean }[] = [
    { key: "workspace", href: "/staff", show: true },
    { key: "users", href: "/staff/admin/pengguna", show: isAdmin },
    { key: "settings", href: "/staff/admin/pengaturan", show: isAdmin },
    { key: "audit", href: "/staff/audit", show: may(roles, "readAuditTrail") },
  ];
  return (
    <LinkNav
      label={t("label")}
      className="mb-6 border-b border-slate-300 pb-3"
      listClassName="flex flex-wrap gap-x-5 gap-y-2 text-sm"
      links={shownLinks(links, (area) => t(area), current)}
      linkClassName={(on) =>
        on
          ? "font-bold text-brand-900 underline underline-offset-4"
          : "text-brand-800 underline-offset-4 hover:underline"
      }
    />
  );
}

/** Shown instead of a page to a signed-in staff member without the needed role. */
export function NotAllowed({ roles, message }: { roles: readonly string[]; message: "admin" | "audit" }) {
  const t = useTranslations("admin.notAllowed");
  return (
    <PageSection id="not-allowed-title" className="space-y-4" title={t("title")} before={<AdminNav roles={roles} />}>
      <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-800">
        {t(message)}
      </p>
      <p>
        <Link href="/staff" className="text-brand-800 underline underline-offset-4">
          {t("back")}
        </Link>
      </p>
    </PageSection>
  );
}
