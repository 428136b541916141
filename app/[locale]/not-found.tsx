import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation.ts";
import { linkClass } from "@/components/ui/button.tsx";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <section className="max-w-2xl">
      <h1 className="text-2xl font-bold text-brand-900">{t("notFound")}</h1>
      <p className="mt-6">
        <Link href="/" className={linkClass}>
          {t("back")}
        </Link>
      </p>
    </section>
  );
}
