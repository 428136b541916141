import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("footer");
  const office = await getTranslations("office");
  return (
    <footer className="mt-12 border-t border-slate-200 bg-slate-50">
      <div className="mx-auto max-w-5xl space-y-1 px-4 py-6 text-sm text-slate-700">
        <p className="font-semibold">{office("name")}</p>
        <p>{t("address")}</p>
        <p>{t("privacy")}</p>
      </div>
    </footer>
  );
}
