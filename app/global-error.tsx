"use client";

import Link from "next/link";
import "./globals.css";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/server/db-outage/digest.ts";

/**
 * When even the layout failed: no translations can be loaded, so both languages are written
 * here, and nothing about the error is shown.
 */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  const outage = error.digest === DATABASE_UNAVAILABLE_DIGEST;
  return (
    <html lang="id">
      <body className="min-h-screen bg-white font-sans text-slate-900 antialiased">
        <main className="mx-auto w-full max-w-2xl px-4 py-8" role="alert">
          <h1 className="text-2xl font-bold text-brand-900">
            {outage
              ? "Layanan sedang tidak tersedia. Silakan coba lagi dalam beberapa saat."
              : "Maaf, terjadi kesalahan pada server. Silakan coba lagi sebentar lagi."}
          </h1>
          <p lang="en" className="mt-3">
            {outage
              ? "The service is temporarily unavailable. Please try again in a few moments."
              : "Sorry, something went wrong on the server. Please try again shortly."}
          </p>
          <p className="mt-6">
            <Link href="/" className="font-semibold text-brand-700 underline">
              Kembali ke beranda
            </Link>
          </p>
        </main>
      </body>
    </html>
  );
}
