import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/server/db.ts";
import { verifyLetter } from "@/server/domain/letters/read.ts";
import { indonesianDate } from "@/server/pdf/indonesian.ts";
import { withOutagePage } from "@/components/outage-page.tsx";
import { PageSection } from "@/components/ui/page-section.tsx";

/**
 * Public letter verification (the QR code on every letter points here). Confirms the type,
 * number, date and issuing office of a genuine letter and nothing of its content; an unknown
 * code says so plainly. A server page: works without JavaScript.
 */
async function VerifyPage({ params }: { params: Promise<{ locale: string; code: string }> }) {
  const { locale, code } = await params;
  setRequestLocale(locale);
  // Rendered per request: a letter issued a minute ago must verify at once.
  await connection();
  const t = await getTranslations("verify");
  const shown = decodeURIComponent(code).slice(0, 40);
  const letter = await verifyLetter(await getDb(), shown);
  const date = (d: Date, tz: string) =>
    locale === "id"
      ? indonesianDate(d, tz)
      : new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: tz }).format(d);

  return (
    <PageSection id="verify-title" className="max-w-2xl" title={t("title")} lead={t("lead")} size="portal">
      {letter ? (
        <div className="mt-6 rounded border-2 border-brand-700 bg-brand-50 p-4" data-testid="verify-found">
          <p role="status" className="font-semibold text-brand-900">
            {t("found")}
          </p>
          <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
            <dt className="font-semibold">{t("type")}</dt>
            <dd>{letter.title}</dd>
            <dt className="font-semibold">{t("number")}</dt>
            <dd>{letter.number ?? t("unnumbered")}</dd>
            <dt className="font-semibold">{t("date")}</dt>
            <dd>{date(letter.issuedAt, letter.timeZone)}</dd>
            <dt className="font-semibold">{t("office")}</dt>
            <dd>{letter.office}</dd>
          </dl>
        </div>
      ) : (
        <p
          role="alert"
          className="mt-6 rounded border-2 border-red-700 bg-red-50 p-4 font-semibold text-red-900"
          data-testid="verify-unknown"
        >
          {t("notFound", { code: shown })}
        </p>
      )}
    </PageSection>
  );
}

// A database outage shows the outage page (status 503), also without JavaScript.
export default withOutagePage(VerifyPage);
