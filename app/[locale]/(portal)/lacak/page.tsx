import { getTranslations, setRequestLocale } from "next-intl/server";
import { TrackForm } from "@/components/portal/track-form.tsx";
import { formTokenFor } from "@/server/http/portal/request-context.ts";
import { signInWithCode } from "./actions.ts";
import { withOutagePage } from "@/components/outage-page.tsx";
import { PageSection } from "@/components/ui/page-section.tsx";

async function TrackPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("track");
  return (
    <PageSection id="track-title" className="max-w-xl" title={t("title")} lead={t("lead")} size="portal">
      <TrackForm action={signInWithCode} locale={locale} formToken={await formTokenFor("track")} />
      <p className="mt-6 text-sm text-slate-700">{t("session")}</p>
      <p className="mt-2 text-sm text-slate-700">{t("lost")}</p>
    </PageSection>
  );
}

// A database outage shows the outage page (status 503), also without JavaScript.
export default withOutagePage(TrackPage);
