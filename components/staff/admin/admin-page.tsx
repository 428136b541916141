import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { AdminNav, NotAllowed } from "./admin-nav.tsx";
import type { Me } from "@/server/http/staff/signed-in-staff.ts";
import { PageSection } from "@/components/ui/page-section.tsx";
import { may } from "@/server/domain/policy/policy.ts";

/** The admin pages and the audit trail: the texts of their heading and who may open them. */
const AREAS = {
  users: { namespace: "admin.users", right: "administer", refusal: "admin" },
  settings: { namespace: "admin.settings", right: "administer", refusal: "admin" },
  audit: { namespace: "auditLog", right: "readAuditTrail", refusal: "audit" },
} as const;

/** An admin page under the admin tabs, or NotAllowed for a member without the right. */
export async function AdminPage({ me, area, children }: { me: Me; area: keyof typeof AREAS; children: ReactNode }) {
  const { namespace, right, refusal } = AREAS[area];
  if (!may(me.roles, right)) return <NotAllowed roles={me.roles} message={refusal} />;
  const t = await getTranslations(namespace);
  return (
    <PageSection
      id={`${area}-title`}
      title={t("title")}
      lead={t("lead")}
      leadClassName="mb-6"
      before={<AdminNav roles={me.roles} current={area} />}
    >
      {children}
    </PageSection>
  );
}
