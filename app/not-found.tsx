import Link from "next/link";
import idMessages from "@/i18n/messages/id.json";
import enMessages from "@/i18n/messages/en.json";

/** A 404 outside the localized pages (an unknown API path): both languages, the site's styles, no inline style. */
export default function RootNotFound() {
  return (
    <html lang="id">
      <body className="min-h-screen bg-white font-sans text-slate-900 antialiased">
        <main className="mx-auto w-full max-w-2xl px-4 py-8">
          <h1 className="text-2xl font-bold text-brand-900">{idMessages.errors.notFound}</h1>
          <p lang="en" className="mt-3">
            {enMessages.errors.notFound}
          </p>
          <p className="mt-6">
            <Link href="/" className="font-semibold text-brand-700 underline">
              {idMessages.errors.back}
            </Link>
          </p>
        </main>
      </body>
    </html>
  );
}
