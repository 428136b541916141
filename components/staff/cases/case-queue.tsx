"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation.ts";
import { localePath } from "@/i18n/routing.ts";
import { useTRPC } from "@/components/staff/trpc.tsx";
import { useLabels, useOfficeDate } from "../labels.ts";
import {
  firstPage,
  listInputOf,
  nextPage,
  PAGE_SIZE,
  parseQueueFilters,
  previousPage,
  queueQuery,
  type QueueFilters,
} from "./queue-filters.ts";
import { QueryState } from "./query-state.tsx";
import { CATEGORY_ORDER, CHANNEL_ORDER, STATUS_ORDER } from "../vocabulary.ts";
import { Badge } from "@/components/ui/badge.tsx";
import { linkClass, SubmitButton } from "@/components/ui/button.tsx";
import { CheckField, SelectField } from "@/components/ui/field.tsx";
import { DataTable, tdClass } from "@/components/ui/table.tsx";
import { PageSection } from "@/components/ui/page-section.tsx";
import { TabNav } from "@/components/ui/tab-nav.tsx";
import { useFilterSubmit } from "../use-filter-submit.ts";

/** The case list: two tabs, filters in the URL (a plain GET form), keyset pages. */
export function CaseQueue({ filters, years }: { filters: QueueFilters; years: number[] }) {
  const t = useTranslations("queue");
  const ws = useTranslations("workspace");
  const label = useLabels();
  const date = useOfficeDate();
  const locale = useLocale();
  const trpc = useTRPC();
  // The queue is read afresh whenever it is opened: statuses change under other users' hands.
  const list = useQuery({ ...trpc.cases.list.queryOptions(listInputOf(filters)), refetchOnMount: "always" });
  const href = (f: QueueFilters) => `/staff/kasus${queueQuery(f)}`;
  const applyFilters = useFilterSubmit((fields) => href(parseQueueFilters(fields)));
  const tab = (which: "mine" | "all") => ({ ...firstPage(filters), tab: which });
  const offset = filters.after.length * PAGE_SIZE;
  // The filters that choose one of a list; the empty choice is "any".
  const filterChoices = [
    ["status", STATUS_ORDER.map((s) => [s, label.status(s)] as const)],
    ["category", CATEGORY_ORDER.map((c) => [c, label.category(c)] as const)],
    ["channel", CHANNEL_ORDER.map((c) => [c, label.channel(c)] as const)],
    ["year", years.map((y) => [String(y), String(y)] as const)],
  ] as const;

  return (
    <PageSection id="queue-title" className="space-y-5" title={t("title")}>
      <TabNav
        label={t("tabs")}
        tabs={(["mine", "all"] as const).map((which) => ({
          key: which,
          href: href(tab(which)),
          current: filters.tab === which,
          text: which === "mine" ? t("tabMine") : t("tabAll"),
        }))}
      />

      <form
        method="get"
        action={localePath(locale, "/staff/kasus")}
        onSubmit={applyFilters}
        aria-label={t("filters")}
        className="grid gap-3 rounded border border-slate-300 p-3 sm:grid-cols-2 lg:grid-cols-4"
      >
        {filters.tab === "all" ? <input type="hidden" name="tab" value="all" /> : null}
        {/* key: a new URL's value replaces the old default. */}
        {filterChoices.map(([name, options]) => {
          const value = filters[name] ? String(filters[name]) : "";
          return (
            <SelectField
              key={`${name}-${value}`}
              id={`filter-${name}`}
              name={name}
              label={t(name)}
              defaultValue={value}
              options={options}
            >
              <option value="">{t("any")}</option>
            </SelectField>
          );
        })}
        <div className="sm:col-span-2">
          <CheckField
            key={String(filters.overdue)}
            id="filter-overdue"
            name="overdue"
            value="1"
            label={t("overdueOnly")}
            defaultChecked={filters.overdue}
          />
        </div>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2 sm:justify-end">
          <SubmitButton label={t("apply")} />
          <Link href={href({ tab: filters.tab, overdue: false, after: [] })} className={linkClass}>
            {t("reset")}
          </Link>
        </div>
      </form>

      <QueryState query={list}>
        {(data) => (
          <>
            <p role="status" data-testid="queue-count" className="font-semibold">
              {data.totalIsLimited ? t("countMore", { total: data.total }) : t("count", { total: data.total })}
              {data.rows.length > 0 ? (
                <span className="font-normal">
                  {" "}
                  ·{" "}
                  {t(data.totalIsLimited ? "showingOfMore" : "showing", {
                    from: offset + 1,
                    to: offset + data.rows.length,
                    total: data.total,
                  })}
                </span>
              ) : null}
            </p>
            {data.rows.length === 0 ? (
              <p>
                {filters.tab === "mine" &&
                !filters.status &&
                !filters.category &&
                !filters.channel &&
                !filters.year &&
                !filters.overdue
                  ? t("emptyMine")
                  : t("empty")}
              </p>
            ) : (
              <DataTable
                label={t("tableLabel")}
                head={[t("reference"), t("category"), t("channel"), t("receivedAt"), t("status"), t("dueAt")]}
                testId="queue-table"
              >
                {data.rows.map((r) => (
                  <tr key={r.id} className={r.overdue ? "bg-red-50" : undefined}>
                    <th scope="row" className={`${tdClass} text-left font-mono whitespace-nowrap`}>
                      <Link href={`/staff/kasus/${r.id}`} className={linkClass}>
                        {r.reference}
                      </Link>
                      {r.involvesLeadership ? (
                        <span className="mt-1 block">
                          <Badge tone="warn">{ws("leadership")}</Badge>
                        </span>
                      ) : null}
                    </th>
                    <td className={tdClass}>{label.category(r.category)}</td>
                    <td className={tdClass}>{label.channel(r.channel)}</td>
                    <td className={tdClass}>{date(r.receivedAt)}</td>
                    <td className={tdClass}>{label.status(r.status)}</td>
                    <td className={tdClass}>
                      {r.dueAt ? date(r.dueAt) : ws("none")}
                      {r.overdue ? (
                        <span className="mt-1 block">
                          <Badge tone="bad" testId="overdue-badge">
                            {ws("overdue")}
                          </Badge>
                        </span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </DataTable>
            )}
            {filters.after.length > 0 || data.nextCursor ? (
              <nav aria-label={t("pages")} className="flex flex-wrap gap-4">
                {filters.after.length > 1 ? (
                  <Link href={href(firstPage(filters))} className={linkClass}>
                    {t("first")}
                  </Link>
                ) : null}
                {filters.after.length > 0 ? (
                  <Link href={href(previousPage(filters))} className={linkClass}>
                    {t("previous")}
                  </Link>
                ) : null}
                {data.nextCursor ? (
                  <Link href={href(nextPage(filters, data.nextCursor))} className={linkClass}>
                    {t("next")}
                  </Link>
                ) : null}
              </nav>
            ) : null}
          </>
        )}
      </QueryState>
    </PageSection>
  );
}
