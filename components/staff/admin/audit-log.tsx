"use client";

/**
 * The audit trail, read-only: filters, a table of entries (newest first, more loaded by keyset
 * on id), and the chain check. What each role sees is decided by the server.
 */
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/staff/trpc.tsx";
import { useErrorMessage } from "./error-message.ts";
import { secondaryButtonClass, SubmitButton } from "@/components/ui/button.tsx";
import { FieldHint, FieldLabel, TextField, describedBy, inputClass } from "@/components/ui/field.tsx";
import { ErrorAlert } from "@/components/ui/error-alert.tsx";
import { Notice } from "@/components/ui/notice.tsx";
import { HeadedSection } from "@/components/ui/headed-section.tsx";

const ACTION_SUGGESTIONS = ["auth.", "user.", "setting.", "case.", "case.transition", "case.read", "case.message"];

interface Filter {
  action?: string;
  actor?: string;
  caseId?: string;
  from?: string;
  to?: string;
}

const EMPTY = { action: "", actor: "", caseId: "", from: "", to: "" };

/** Only the filled-in fields, so an empty filter is `{}`. */
function compact(form: typeof EMPTY): Filter {
  return Object.fromEntries(
    Object.entries(form)
      .filter(([, v]) => v.trim() !== "")
      .map(([k, v]) => [k, v.trim()]),
  );
}

function VerifyChain() {
  const t = useTranslations("auditLog.verify");
  const errorText = useErrorMessage();
  const trpc = useTRPC();
  const [asked, setAsked] = useState(false);
  const verify = useQuery({ ...trpc.admin.audit.verify.queryOptions(), enabled: false, gcTime: 0, staleTime: 0 });
  const running = verify.isFetching;
  return (
    <HeadedSection
      id="verify-title"
      className="space-y-3 rounded border border-slate-300 p-4"
      title={t("title")}
      size="medium"
    >
      <p className="text-sm text-slate-700">{t("lead")}</p>
      <button
        type="button"
        className={secondaryButtonClass}
        disabled={running}
        onClick={() => {
          setAsked(true);
          void verify.refetch();
        }}
      >
        {running ? t("running") : t("button")}
      </button>
      <div aria-live="polite">{asked && running ? <p>{t("running")}</p> : null}</div>
      <ErrorAlert>{asked && !running && verify.error ? errorText(verify.error) : null}</ErrorAlert>
      {asked && !running && verify.data ? (
        verify.data.ok ? (
          <Notice tone="good" role="status">
            {t("ok", { count: verify.data.count })}
          </Notice>
        ) : (
          <Notice tone="bad" role="alert">
            <p className="font-bold">{t("broken", { id: verify.data.firstBroken.id })}</p>
            <p>{t(`reason.${verify.data.firstBroken.reason}`)}</p>
          </Notice>
        )
      ) : null}
    </HeadedSection>
  );
}

export function AuditLog({ isPengawas }: { isPengawas: boolean }) {
  const t = useTranslations("auditLog");
  const format = useFormatter();
  const errorText = useErrorMessage();
  const trpc = useTRPC();
  const [form, setForm] = useState(EMPTY);
  const [filter, setFilter] = useState<Filter>({});
  const actors = useQuery(trpc.admin.audit.actors.queryOptions());
  const entries = useInfiniteQuery(
    trpc.admin.audit.list.infiniteQueryOptions(
      { filter },
      { getNextPageParam: (page) => page.nextCursor, initialCursor: null },
    ),
  );
  const rows = entries.data?.pages.flatMap((p) => p.entries) ?? [];
  const names = new Map((actors.data ?? []).map((a) => [a.id, a]));
  const set = (field: keyof typeof EMPTY) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFilter(compact(form));
  }

  const actorText = (actorId: string | null, label: string) => {
    if (!actorId) return label === "reporter" ? t("actorReporter") : label === "system" ? t("actorSystem") : label;
    const staff = names.get(actorId);
    return staff ? `${staff.name} (${staff.username})` : label;
  };

  return (
    <div className="space-y-6">
      {!isPengawas ? (
        <p className="rounded border border-slate-300 bg-slate-50 px-3 py-2 text-sm">{t("adminScope")}</p>
      ) : null}

      <HeadedSection
        id="filter-title"
        className="space-y-3 rounded border border-slate-300 p-4"
        title={t("filters.title")}
        size="medium"
      >
        <form onSubmit={apply} noValidate className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <div>
            <FieldLabel htmlFor="audit-action">{t("filters.action")}</FieldLabel>
            <FieldHint id="audit-action">{t("filters.actionHint")}</FieldHint>
            <input
              id="audit-action"
              list="audit-action-suggestions"
              value={form.action}
              onChange={(e) => set("action")(e.target.value)}
              aria-describedby={describedBy("audit-action", true)}
              className={inputClass(false)}
              autoComplete="off"
              maxLength={100}
            />
            <datalist id="audit-action-suggestions">
              {ACTION_SUGGESTIONS.map((a) => (
                <option key={a} value={a} />
              ))}
            </datalist>
          </div>
          <div>
            <FieldLabel htmlFor="audit-actor">{t("filters.actor")}</FieldLabel>
            <select
              id="audit-actor"
              value={form.actor}
              onChange={(e) => set("actor")(e.target.value)}
              className={inputClass(false)}
            >
              <option value="">{t("filters.anyActor")}</option>
              <option value="reporter">{t("actorReporter")}</option>
              <option value="system">{t("actorSystem")}</option>
              {actors.data?.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name} ({a.username}){a.active ? "" : ` — ${t("inactive")}`}
                </option>
              ))}
            </select>
          </div>
          <TextField
            id="audit-case"
            label={t("filters.caseId")}
            value={form.caseId}
            onChange={set("caseId")}
            maxLength={100}
          />
          <TextField id="audit-from" label={t("filters.from")} type="date" value={form.from} onChange={set("from")} />
          <TextField id="audit-to" label={t("filters.to")} type="date" value={form.to} onChange={set("to")} />
          <div className="flex flex-wrap items-end gap-3">
            <SubmitButton label={t("filters.apply")} />
            <button
              type="button"
              className={secondaryButtonClass}
              onClick={() => {
                setForm(EMPTY);
                setFilter({});
              }}
            >
              {t("filters.reset")}
            </button>
          </div>
        </form>
      </HeadedSection>

      <HeadedSection id="entries-title" title={t("table.caption")} className="space-y-3" size="hidden">
        <p aria-live="polite" className="text-sm text-slate-700">
          {entries.isPending ? t("loading") : t("shown", { count: rows.length })}
        </p>
        <ErrorAlert>{entries.error ? errorText(entries.error) : null}</ErrorAlert>
        {!entries.isPending && !entries.error && rows.length === 0 ? <p>{t("empty")}</p> : null}
        {rows.length ? (
          <div
            role="region"
            aria-label={t("table.region")}
            tabIndex={0}
            className="overflow-x-auto rounded border border-slate-300"
          >
            <table className="min-w-full text-left text-sm">
              <caption className="sr-only">{t("table.caption")}</caption>
              <thead className="bg-brand-50">
                <tr>
                  {(["id", "time", "actor", "action", "case", "target", "detail", "ip"] as const).map((c) => (
                    <th key={c} scope="col" className="px-3 py-2 font-semibold whitespace-nowrap">
                      {t(`table.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {rows.map((e) => (
                  <tr key={e.id} className="align-top">
                    <th scope="row" className="px-3 py-2 font-mono font-normal">
                      {e.id}
                    </th>
                    <td className="px-3 py-2 whitespace-nowrap">
                      <time dateTime={e.createdAt.toISOString()}>
                        {format.dateTime(e.createdAt, { dateStyle: "medium", timeStyle: "medium" })}
                      </time>
                    </td>
                    <td className="px-3 py-2">{actorText(e.actorId, e.actorLabel)}</td>
                    <td className="px-3 py-2 font-mono">{e.action}</td>
                    <td className="px-3 py-2 font-mono text-xs break-all">{e.caseId ?? ""}</td>
                    <td className="px-3 py-2 font-mono text-xs break-all">{e.target ?? ""}</td>
                    <td className="max-w-xs px-3 py-2 font-mono text-xs break-all">
                      {e.detail === "{}" ? "" : e.detail}
                    </td>
                    <td className="px-3 py-2 font-mono text-xs">{e.ipAddress ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {entries.hasNextPage ? (
          <button
            type="button"
            className={secondaryButtonClass}
            disabled={entries.isFetchingNextPage}
            onClick={() => void entries.fetchNextPage()}
          >
            {entries.isFetchingNextPage ? t("loading") : t("loadMore")}
          </button>
        ) : rows.length ? (
          <p className="text-sm text-slate-700">{t("end")}</p>
        ) : null}
      </HeadedSection>

      <VerifyChain />
    </div>
  );
}
