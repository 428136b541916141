import { getTranslations, setRequestLocale } from "next-intl/server";
import { TrackForm } from "@/components/portal/track-form.tsx";
import { formTokenFor } from "@/server/http/portal/request-context.ts";
import { signInWithCode } from "./actions.ts";
import { withOutagePage } from "@/components/outage-page.tsx";

async function TrackPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("track");
  return (
    <section aria-labelledby="track-title" className="max-w-xl">
      <h1 id="track-title" className="text-3xl font-bold text-brand-900">
        {t("title")}
      </h1>
      <p className="mt-3">{t("lead")}</p>
      <TrackForm action={signInWithCode} locale={locale} formToken={await formTokenFor("track")} />
      <p className="mt-6 text-sm text-slate-700">{t("session")}</p>
      <p className="mt-2 text-sm text-slate-700">{t("lost")}</p>
    </section>
  );
}

// A database outage shows the outage page (status 503), also without JavaScript.
export default withOutagePage(TrackPage);
