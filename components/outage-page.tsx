import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { Link } from "@/i18n/navigation.ts";
import { isDatabaseUnavailable } from "@/server/db-outage/classify.ts";

/**
 * The page shown while the database is unavailable, rendered on the server: React error
 * boundaries (error.tsx) only work in the browser, so without JavaScript a failed page would be
 * blank. The response is already marked 503 with Retry-After (server/db-outage/adapter-guard.ts).
 */
export async function OutagePage() {
  const t = await getTranslations("outage");
  const errors = await getTranslations("errors");
  const path = (await headers()).get("x-lentera-path") ?? "/";
  return (
    <section className="max-w-2xl" role="alert" aria-labelledby="outage-title">
      <h1 id="outage-title" className="text-2xl font-bold text-brand-900">
        {t("title")}
      </h1>
      <p className="mt-3">{t("body")}</p>
      <p className="mt-6 flex flex-wrap gap-4">
        <a href={path} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("retry")}
        </a>
        <Link href="/" className="self-center font-semibold text-brand-700 underline">
          {errors("back")}
        </Link>
      </p>
    </section>
  );
}

/** A page that answers a database outage with OutagePage instead of failing. */
export function withOutagePage<P>(page: (props: P) => Promise<ReactNode>): (props: P) => Promise<ReactNode> {
  return async function OutageAwarePage(props: P) {
    try {
      return await page(props);
    } catch (e) {
      if (isDatabaseUnavailable(e)) return <OutagePage />;
      throw e;
    }
  };
}
