import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation.ts";

/** Honest stand-in for a portal page whose feature is not built yet (see the open issues). */
export async function ComingSoon({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("soon");
  const e = await getTranslations("errors");
  return (
    <section aria-labelledby="soon" className="max-w-2xl">
      <h1 id="soon" className="text-2xl font-bold text-brand-900">{t("title")}</h1>
      <p className="mt-3">{t("body")}</p>
      <p className="mt-6">
        <Link href="/" className="font-semibold text-brand-700 underline">{e("back")}</Link>
      </p>
    </section>
  );
}
