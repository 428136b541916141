"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation.ts";
import { localePath } from "@/i18n/routing.ts";
import { useTRPC } from "@/components/staff/trpc.tsx";
import { agendaCsvHref, agendaInputOf, agendaQuery, parseAgendaFilters, type AgendaFilters } from "./agenda-filters.ts";
import { useLabels, useOfficeDate } from "../labels.ts";
import { QueryState } from "./query-state.tsx";
import { AGENDA_BOOKS } from "../vocabulary.ts";
import { linkClass, secondaryButtonClass, SubmitButton } from "@/components/ui/button.tsx";
import { SelectField, TextField } from "@/components/ui/field.tsx";
import { DataTable, tdClass } from "@/components/ui/table.tsx";
import { PageSection } from "@/components/ui/page-section.tsx";
import { TabNav } from "@/components/ui/tab-nav.tsx";
import { useFilterSubmit } from "../use-filter-submit.ts";

/** The SOP's two registers, numbered per year, filtered by date, with a CSV of the same view. */
export function AgendaBooks({ filters, years }: { filters: AgendaFilters; years: number[] }) {
  const t = useTranslations("agenda");
  const ws = useTranslations("workspace");
  const label = useLabels();
  const date = useOfficeDate();
  const locale = useLocale();
  const trpc = useTRPC();
  const entries = useQuery(trpc.cases.agenda.queryOptions(agendaInputOf(filters)));
  const applyFilters = useFilterSubmit(
    (fields) => `/staff/agenda${agendaQuery(parseAgendaFilters(fields, filters.year))}`,
  );
  const bookName = t(`book.${filters.book}`);
  const csv = `${agendaCsvHref(filters)}${locale === "id" ? "" : `&locale=${locale}`}`;

  return (
    <PageSection id="agenda-title" className="space-y-5" title={t("title")}>
      <TabNav
        label={t("books")}
        tabs={AGENDA_BOOKS.map((book) => ({
          key: book,
          href: `/staff/agenda${agendaQuery({ ...filters, book })}`,
          current: filters.book === book,
          text: t(`book.${book}`),
        }))}
      />

      <form
        method="get"
        action={localePath(locale, "/staff/agenda")}
        onSubmit={applyFilters}
        aria-label={t("filters")}
        className="grid items-end gap-3 rounded border border-slate-300 p-3 sm:grid-cols-2 lg:grid-cols-4"
      >
        <input type="hidden" name="book" value={filters.book} />
        {/* key: a new URL's value replaces the old default. */}
        <SelectField
          key={filters.year}
          id="agenda-year"
          name="year"
          label={t("year")}
          defaultValue={String(filters.year)}
          options={years.map((y) => [String(y), String(y)] as const)}
        />
        {(["from", "to"] as const).map((end) => (
          <TextField
            key={`${end}-${filters[end] ?? ""}`}
            id={`agenda-${end}`}
            name={end}
            type="date"
            label={t(end)}
            defaultValue={filters[end]}
          />
        ))}
        <div className="flex flex-wrap gap-3">
          <SubmitButton label={t("apply")} />
        </div>
      </form>

      <QueryState query={entries}>
        {(data) => (
          <>
            <div className="flex flex-wrap items-center justify-between gap-3">
              <p role="status" className="font-semibold" data-testid="agenda-count">
                {t("count", { total: data.length })}
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
            {data.length === 0 ? (
              <p>{t("empty")}</p>
            ) : (
              <DataTable
                label={t("tableLabel", { book: bookName, year: filters.year })}
                caption={t("tableLabel", { book: bookName, year: filters.year })}
                head={[t("number"), t("date"), t("reference"), t("category"), t("channel"), t("letterNumber")]}
                testId="agenda-table"
              >
                {data.map((e) => (
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
              </DataTable>
            )}
          </>
        )}
      </QueryState>
    </PageSection>
  );
}
