import { getTranslations } from "next-intl/server";

/**
 * Shown on every page that shows cases or figures while the sample office year is in the
 * database (server/domain/demo-data.ts), so nobody takes a sample for a real report.
 */
export async function SampleDataBanner({ present }: { present: boolean }) {
  if (!present) return null;
  const t = await getTranslations("sampleData");
  return (
    <aside
      aria-labelledby="sample-data-title"
      data-testid="sample-data-banner"
      className="mb-6 rounded-lg border-2 border-amber-500 bg-amber-50 px-4 py-3 text-amber-950"
    >
      <p id="sample-data-title" className="font-bold">
        {t("title")}
      </p>
      <p className="mt-1 text-sm">{t("body")}</p>
    </aside>
  );
}
