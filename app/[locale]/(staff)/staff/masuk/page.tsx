import { localePath } from "@/i18n/routing.ts";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SignInForm } from "@/components/staff/sign-in-form.tsx";
import { THROTTLE_WINDOW_MINUTES } from "@/server/domain/sign-in-throttle.ts";
import { withOutagePage } from "@/components/outage-page.tsx";

async function StaffSignInPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("staff");
  return (
    <section aria-labelledby="signin-title" className="mx-auto max-w-md">
      <h1 id="signin-title" className="text-2xl font-bold text-brand-900">
        {t("signInTitle")}
      </h1>
      <p className="mt-2 text-slate-700">{t("signInLead")}</p>
      <SignInForm callbackUrl={localePath(locale, "/staff")} throttleMinutes={THROTTLE_WINDOW_MINUTES} />
    </section>
  );
}

// A database outage shows the outage page (status 503), also without JavaScript.
export default withOutagePage(StaffSignInPage);
