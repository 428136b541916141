import Link from "next/link";
import { headers } from "next/headers";
import { messagesFor } from "@/i18n/messages.ts";
import { linkClass } from "@/components/ui/button.tsx";

/**
 * Every 404 outside a page's own notFound() (unknown paths, dotted ones too): rendered per request,
 * so its scripts carry the CSP nonce (a prerendered page would have none), in the locale the proxy
 * read from the URL, with the other language below.
 */
export default async function RootNotFound() {
  const english = (await headers()).get("x-next-intl-locale") === "en";
  const [first, second] = english ? [messagesFor("en"), messagesFor("id")] : [messagesFor("id"), messagesFor("en")];
  return (
    <html lang={english ? "en" : "id"}>
      <body className="min-h-screen bg-white font-sans text-slate-900 antialiased">
        <main className="mx-auto w-full max-w-2xl px-4 py-8">
          <h1 className="text-2xl font-bold text-brand-900">{first.errors.notFound}</h1>
          <p lang={english ? "id" : "en"} className="mt-3">
            {second.errors.notFound}
          </p>
          <p className="mt-6">
            <Link href={english ? "/en" : "/"} className={linkClass}>
              {first.errors.back}
            </Link>
          </p>
        </main>
      </body>
    </html>
  );
}
