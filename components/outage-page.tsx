import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { OutageMessage } from "./outage-message.tsx";
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
    <OutageMessage title={t("title")} body={t("body")} retry={t("retry")} back={errors("back")} retryHref={path} />
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
