import { getTranslations } from "next-intl/server";
import { TextLink } from "@/components/ui/text-link.tsx";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <section className="max-w-2xl">
      <h1 className="text-2xl font-bold text-brand-900">{t("notFound")}</h1>
      <p className="mt-6">
        <TextLink href="/">{t("back")}</TextLink>
      </p>
    </section>
  );
}
