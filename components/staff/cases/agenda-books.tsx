"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { Link, useRouter } from "@/i18n/navigation.ts";
import { localePath } from "@/i18n/routing.ts";
import { useTRPC } from "@/components/staff/trpc.tsx";
import { agendaCsvHref, agendaInputOf, agendaQuery, parseAgendaFilters, type AgendaFilters } from "./agenda-filters.ts";
import { useLabels, useOfficeDate } from "../labels.ts";
import { refusalOf } from "./refusal.ts";
import { AGENDA_BOOKS } from "../vocabulary.ts";
import { linkClass, primaryButtonClass, secondaryButtonClass } from "@/components/ui/button.tsx";
import { inputClass } from "@/components/ui/field.tsx";
import { Notice } from "@/components/ui/notice.tsx";
import { TableRegion, tdClass, thClass } from "@/components/ui/table.tsx";
import { PageSection } from "@/components/ui/page-section.tsx";

/** The SOP's two registers, numbered per year, filtered by date, with a CSV of the same view. */
export function AgendaBooks({ filters, years }: { filters: AgendaFilters; years: number[] }) {
  const t = useTranslations("agenda");
  const ws = useTranslations("workspace");
  const label = useLabels();
  const date = useOfficeDate();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const entries = useQuery(trpc.cases.agenda.queryOptions(agendaInputOf(filters)));
  // Without JavaScript the form is a plain GET; with it, the URL carries only the filters in use.
  const applyFilters = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fd = new FormData(event.currentTarget);
    router.push(`/staff/agenda${agendaQuery(parseAgendaFilters(Object.fromEntries([...fd.entries()].map(([k, v]) => [k, String(v)])), filters.year))}`);
  };
  const bookName = t(`book.${filters.book}`);
  const csv = `${agendaCsvHref(filters)}${locale === "id" ? "" : `&locale=${locale}`}`;

  return (
    <PageSection id="agenda-title" className="space-y-5" title={t("title")}>
      <nav aria-label={t("books")}>
        <ul className="flex flex-wrap gap-1 border-b-2 border-brand-700 sm:gap-2">
          {AGENDA_BOOKS.map((book) => (
            <li key={book}>
              <Link
                href={`/staff/agenda${agendaQuery({ ...filters, book })}`}
                aria-current={filters.book === book ? "page" : undefined}
                className={`-mb-0.5 inline-block rounded-t border-2 px-3 py-2 text-sm font-semibold sm:px-4 sm:text-base ${filters.book === book ? "border-brand-700 border-b-white bg-white text-brand-900" : "border-transparent text-brand-700 hover:underline"}`}
              >
                {t(`book.${book}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <form method="get" action={localePath(locale, "/staff/agenda")} onSubmit={applyFilters} aria-label={t("filters")} className="grid items-end gap-3 rounded border border-slate-300 p-3 sm:grid-cols-2 lg:grid-cols-4">
        <input type="hidden" name="book" value={filters.book} />
        <div>
          <label htmlFor="agenda-year" className="block font-semibold">
            {t("year")}
          </label>
          <select key={filters.year} id="agenda-year" name="year" defaultValue={String(filters.year)} className={inputClass()}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="agenda-from" className="block font-semibold">
            {t("from")}
          </label>
          <input key={filters.from ?? ""} id="agenda-from" name="from" type="date" defaultValue={filters.from} className={inputClass()} />
        </div>
        <div>
          <label htmlFor="agenda-to" className="block font-semibold">
            {t("to")}
          </label>
          <input key={filters.to ?? ""} id="agenda-to" name="to" type="date" defaultValue={filters.to} className={inputClass()} />
        </div>
        <div className="flex flex-wrap gap-3">
          <button type="submit" className={primaryButtonClass}>
            {t("apply")}
          </button>
        </div>
      </form>

      {entries.isError ? (
        <Notice tone="bad" role="alert">
          {ws(`refusal.${refusalOf(entries.error)}`)}
        </Notice>
      ) : entries.isPending ? (
        <p role="status">{ws("loading")}</p>
      ) : (
        <>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p role="status" className="font-semibold" data-testid="agenda-count">
              {t("count", { total: entries.data.length })}
            </p>
            {/* Plain links: the route handler answers with a CSV or PDF attachment. */}
            <span className="flex flex-wrap gap-2">
              <a href={csv} download className={secondaryButtonClass}>
                {t("csv")}
              </a>
              <a href={`${csv}&format=pdf`} download className={secondaryButtonClass} data-testid="agenda-pdf">
                {t("pdf")}
              </a>
            </span>
          </div>
          {entries.data.length === 0 ? (
            <p>{t("empty")}</p>
          ) : (
            <TableRegion label={t("tableLabel", { book: bookName, year: filters.year })}>
              <table className="w-full min-w-[44rem] border-collapse" data-testid="agenda-table">
                <caption className="sr-only">{t("tableLabel", { book: bookName, year: filters.year })}</caption>
                <thead>
                  <tr>
                    <th scope="col" className={thClass}>{t("number")}</th>
                    <th scope="col" className={thClass}>{t("date")}</th>
                    <th scope="col" className={thClass}>{t("reference")}</th>
                    <th scope="col" className={thClass}>{t("category")}</th>
                    <th scope="col" className={thClass}>{t("channel")}</th>
                    <th scope="col" className={thClass}>{t("letterNumber")}</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.data.map((e) => (
                    <tr key={`${e.number}-${e.caseId}`}>
                      <th scope="row" className={`${tdClass} text-left font-semibold`}>
                        {e.number}
                      </th>
                      <td className={tdClass}>{date(e.entryDate)}</td>
                      <td className={`${tdClass} font-mono whitespace-nowrap`}>
                        <Link href={`/staff/kasus/${e.caseId}`} className={linkClass}>
                          {e.reference}
                        </Link>
                      </td>
                      <td className={tdClass}>{label.category(e.category)}</td>
                      <td className={tdClass}>{label.channel(e.channel)}</td>
                      <td className={tdClass}>{e.letterNumber ?? ws("none")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
        </>
      )}
    </PageSection>
  );
}
