"use client";

/**
 * Admin's settings page: one form per setting key, each saved on its own (one audit entry per
 * change). The server validates with the key's zod schema and answers with issues per field
 * path, shown next to the field; the form keeps what was typed.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { reasonOf } from "@/components/staff/reason.ts";
import type { inferRouterOutputs } from "@trpc/server";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent, type ReactNode } from "react";
import { useTRPC } from "@/components/staff/trpc.tsx";
import type { AppRouter } from "@/server/routers/_app.ts";
import { EmblemSection } from "./emblem-section.tsx";
import { BackupStatusPanel } from "../backup-status-panel.tsx";
import { useErrorMessage } from "./error-message.ts";
import { primaryButtonClass, secondaryButtonClass } from "@/components/ui/button.tsx";
import { FieldError, FieldLabel, TextField, describedBy, inputClass } from "@/components/ui/field.tsx";
import { Notice } from "@/components/ui/notice.tsx";

type Views = inferRouterOutputs<AppRouter>["admin"]["settings"]["list"];
type Key = keyof Views;
type View<K extends Key> = Views[K];
type Users = inferRouterOutputs<AppRouter>["admin"]["users"]["list"];

const MiB = 1024 * 1024;
const WEEKDAYS = ["1", "2", "3", "4", "5", "6", "7"] as const;
const STEPS = ["2", "3", "4", "5", "6", "7", "8"] as const;
/** Letter types that carry a number (and a signer). */
const NUMBERED_LETTERS = [
  "CATATAN_PENGADUAN",
  "SURAT_PENGADUAN",
  "BERITA_ACARA",
  "TANGGAPAN",
  "SURAT_PENERUSAN",
] as const;
/** File types the upload sanitiser understands (server/domain/uploads), with their message keys. */
const FILE_TYPES: Record<string, string> = {
  "image/jpeg": "jpeg",
  "image/png": "png",
  "image/webp": "webp",
  "application/pdf": "pdf",
  "text/plain": "text",
  "audio/mpeg": "mp3",
  "audio/mp4": "m4a",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
};

/** Empty text is sent as NaN so the server answers "enter a number" rather than "must be more than zero". */
const toNumber = (text: string) => (text.trim() === "" ? Number.NaN : Number(text.replace(",", ".")));
const toText = (n: number) => (Number.isFinite(n) ? String(n) : "");

/** Same rules as server/domain/sequence.ts formatNumber, for the example under a pattern. */
function example(pattern: string): string {
  return pattern
    .replace(/\{seq(?::(\d))?\}/g, (_, pad: string | undefined) => "1".padStart(Number(pad ?? 0), "0"))
    .replace(/\{year\}/g, String(new Date().getFullYear()));
}

// --- One section -----------------------------------------------------------------------

function useSettingForm<K extends Key>(key: K, view: View<K>) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const issueText = useTranslations("admin.settings.issues");
  const [base, setBase] = useState<Date | null>(view.updatedAt);
  const mutation = useMutation(
    trpc.admin.settings.update.mutationOptions({
      onSuccess: (result) => {
        if (!result.ok) return;
        setBase(result.updatedAt);
        if (result.changed.length) void queryClient.invalidateQueries(trpc.admin.settings.list.queryFilter());
      },
    }),
  );
  const issues = mutation.data && !mutation.data.ok ? mutation.data.issues : [];
  return {
    mutation,
    issues,
    /** The translated problem at exactly this path, if any. */
    issue: (path: string): string | null => {
      const found = issues.find((i) => i.path === path);
      return found ? issueText(found.code) : null;
    },
    save: (value: unknown) => mutation.mutate({ key, value, expectedUpdatedAt: base }),
  };
}

type SettingForm = ReturnType<typeof useSettingForm>;

function Section({
  id,
  title,
  lead,
  view,
  form,
  onSubmit,
  onReload,
  children,
}: {
  id: string;
  title: string;
  lead?: ReactNode;
  view: View<Key>;
  form: SettingForm;
  onSubmit: () => void;
  onReload: () => void;
  children: ReactNode;
}) {
  const common = useTranslations("admin.common");
  const errors = useTranslations("admin.errors");
  const format = useFormatter();
  const errorText = useErrorMessage();
  const { mutation, issues } = form;
  const stale = reasonOf(mutation.error) === "admin.stale_setting";

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit();
  }

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-4 rounded border border-slate-300 p-4">
      <div className="space-y-1">
        <h2 id={`${id}-title`} className="text-xl font-bold text-brand-900">
          {title}
        </h2>
        {lead ? <p className="text-slate-700">{lead}</p> : null}
        <p className="text-sm text-slate-700">
          {view.updatedAt === null
            ? common("neverChanged")
            : view.updatedBy
              ? common("lastChanged", {
                  date: format.dateTime(view.updatedAt, { dateStyle: "medium", timeStyle: "short" }),
                  name: view.updatedBy.name,
                })
              : common("lastChangedAt", {
                  date: format.dateTime(view.updatedAt, { dateStyle: "medium", timeStyle: "short" }),
                })}
        </p>
        {view.invalid ? (
          <Notice tone="bad" role="alert">
            {common("storedInvalid")}
          </Notice>
        ) : null}
      </div>
      <form onSubmit={submit} noValidate className="space-y-4">
        {children}
        {issues.length ? (
          <Notice tone="bad" role="alert">
            {common("formErrors")}
          </Notice>
        ) : null}
        {stale ? (
          <Notice tone="bad" role="alert">
            <p>{errors("stale_setting")}</p>
            <button type="button" className={`${secondaryButtonClass} mt-2`} onClick={onReload}>
              {common("reload")}
            </button>
          </Notice>
        ) : mutation.error ? (
          <Notice tone="bad" role="alert">
            {errorText(mutation.error)}
          </Notice>
        ) : null}
        {mutation.data?.ok ? (
          <Notice tone="good" role="status">
            {mutation.data.changed.length ? common("saved") : common("unchanged")}
          </Notice>
        ) : null}
        <button type="submit" disabled={mutation.isPending} className={primaryButtonClass}>
          {mutation.isPending ? common("saving") : common("save")}
        </button>
      </form>
    </section>
  );
}

function NumberField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error: string | null;
  hint?: string;
}) {
  return (
    <TextField
      id={id}
      label={label}
      hint={hint}
      value={value}
      onChange={onChange}
      error={error}
      type="number"
      inputMode="numeric"
      min={1}
      step="1"
      softRequired
      className="max-w-xs"
    />
  );
}

// --- The sections ------------------------------------------------------------------------

interface SectionProps<K extends Key> {
  view: View<K>;
  onReload: () => void;
}

function IdentitySection({ view, onReload }: SectionProps<"office.identity">) {
  const t = useTranslations("admin.settings.identity");
  const form = useSettingForm("office.identity", view);
  const [v, setV] = useState(view.value);
  const field = (
    name: keyof typeof v,
    extra: {
      softRequired?: boolean;
      type?: "email" | "url" | "tel";
      hint?: string;
      rows?: number;
      autoComplete?: string;
    } = {},
  ) => (
    <TextField
      id={`identity-${name}`}
      label={t(name)}
      value={v[name] ?? ""}
      onChange={(value) => setV((s) => ({ ...s, [name]: value }))}
      error={form.issue(name)}
      maxLength={300}
      {...extra}
    />
  );
  return (
    <Section
      id="identity"
      title={t("title")}
      lead={t("lead")}
      view={view}
      form={form}
      onReload={onReload}
      onSubmit={() => form.save(v)}
    >
      {field("regency", { softRequired: true })}
      {field("officeName", { softRequired: true })}
      {field("shortName", { hint: t("shortNameHint") })}
      {field("address", { softRequired: true, rows: 3 })}
      {field("phone", { type: "tel" })}
      {field("email", { type: "email" })}
      {field("website", { type: "url", hint: t("websiteHint") })}
      {field("city", { softRequired: true, hint: t("cityHint") })}
    </Section>
  );
}

function HoursSection({ view, onReload }: SectionProps<"office.hours">) {
  const t = useTranslations("admin.settings.hours");
  const weekday = useTranslations("admin.weekdays");
  const form = useSettingForm("office.hours", view);
  const [timeZone, setTimeZone] = useState(view.value.timeZone);
  const [days, setDays] = useState(
    () =>
      Object.fromEntries(
        WEEKDAYS.map((d) => {
          const hours = view.value.days[d];
          return [d, { open: Boolean(hours), from: hours?.[0] ?? "08:00", to: hours?.[1] ?? "16:00" }];
        }),
      ) as Record<(typeof WEEKDAYS)[number], { open: boolean; from: string; to: string }>,
  );
  const setDay = (d: (typeof WEEKDAYS)[number], patch: Partial<(typeof days)[typeof d]>) =>
    setDays((s) => ({ ...s, [d]: { ...s[d], ...patch } }));
  const build = () => ({
    timeZone,
    days: Object.fromEntries(WEEKDAYS.filter((d) => days[d].open).map((d) => [d, [days[d].from, days[d].to]])),
  });
  const noDays = form.issue("days");
  return (
    <Section
      id="hours"
      title={t("title")}
      lead={t("lead")}
      view={view}
      form={form}
      onReload={onReload}
      onSubmit={() => form.save(build())}
    >
      <TextField
        id="hours-timeZone"
        label={t("timeZone")}
        hint={t("timeZoneHint")}
        value={timeZone}
        onChange={setTimeZone}
        error={form.issue("timeZone")}
        softRequired
        maxLength={64}
        className="max-w-sm"
      />
      <div className="space-y-3">
        {noDays ? (
          <p id="hours-days-error" className="text-sm font-semibold text-red-800">
            {noDays}
          </p>
        ) : null}
        {WEEKDAYS.map((d) => {
          const dayError = form.issue(`days.${d}`);
          const fromError = form.issue(`days.${d}.0`);
          const toError = form.issue(`days.${d}.1`);
          return (
            <fieldset
              key={d}
              className="rounded border border-slate-300 p-3"
              aria-describedby={noDays ? "hours-days-error" : dayError ? `hours-${d}-error` : undefined}
            >
              <legend className="px-1 font-semibold">{weekday(d)}</legend>
              <div className="flex flex-wrap items-end gap-4">
                <div className="flex items-center gap-2">
                  <input
                    id={`hours-${d}-open`}
                    type="checkbox"
                    className="h-5 w-5"
                    checked={days[d].open}
                    onChange={(e) => setDay(d, { open: e.target.checked })}
                  />
                  <label htmlFor={`hours-${d}-open`}>{t("open")}</label>
                </div>
                {days[d].open ? (
                  <>
                    <TextField
                      id={`hours-${d}-from`}
                      label={t("opens")}
                      type="time"
                      value={days[d].from}
                      onChange={(from) => setDay(d, { from })}
                      error={fromError}
                      className="w-36"
                    />
                    <TextField
                      id={`hours-${d}-to`}
                      label={t("closes")}
                      type="time"
                      value={days[d].to}
                      onChange={(to) => setDay(d, { to })}
                      error={toError}
                      className="w-36"
                    />
                  </>
                ) : null}
              </div>
              <FieldError id={`hours-${d}`} error={dayError} />
            </fieldset>
          );
        })}
      </div>
    </Section>
  );
}

function HolidaysSection({ view, onReload }: SectionProps<"office.holidays">) {
  const t = useTranslations("admin.settings.holidays");
  const format = useFormatter();
  const form = useSettingForm("office.holidays", view);
  const [dates, setDates] = useState<string[]>(() => [...view.value].sort());
  const [adding, setAdding] = useState("");
  const [addError, setAddError] = useState<string | null>(null);
  const pending = dates.join() !== [...view.value].sort().join();
  // A holiday is a calendar date, not an instant: noon UTC names the same day in any zone.
  const label = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: "full", timeZone: "UTC" });
  const years = [...new Set(dates.map((d) => d.slice(0, 4)))];

  function add() {
    if (!adding) return setAddError(t("pickDate"));
    if (dates.includes(adding)) return setAddError(t("duplicate"));
    setAddError(null);
    setDates((s) => [...s, adding].sort());
    setAdding("");
  }

  return (
    <Section
      id="holidays"
      title={t("title")}
      lead={t("lead")}
      view={view}
      form={form}
      onReload={onReload}
      onSubmit={() => form.save(dates)}
    >
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <FieldLabel htmlFor="holiday-add">{t("date")}</FieldLabel>
          <input
            id="holiday-add"
            type="date"
            value={adding}
            onChange={(e) => setAdding(e.target.value)}
            onKeyDown={(e) => {
              // Enter adds the date instead of saving the whole list.
              if (e.key === "Enter") {
                e.preventDefault();
                add();
              }
            }}
            aria-describedby={describedBy("holiday-add", undefined, addError)}
            aria-invalid={addError ? true : undefined}
            className={inputClass(Boolean(addError))}
          />
        </div>
        <button type="button" className={secondaryButtonClass} onClick={add}>
          {t("add")}
        </button>
      </div>
      <FieldError id="holiday-add" error={addError} />
      <p className="text-sm text-slate-700" aria-live="polite">
        {t("count", { count: dates.length })}
        {pending ? ` ${t("pending")}` : ""}
      </p>
      {dates.length === 0 ? <p>{t("none")}</p> : null}
      {years.map((year) => (
        <div key={year}>
          <h3 className="font-semibold">{year}</h3>
          <ul className="mt-1 divide-y divide-slate-200 rounded border border-slate-300">
            {dates.map((d, index) =>
              d.startsWith(year) ? (
                <li key={d} className="flex flex-wrap items-center justify-between gap-2 px-3 py-1.5">
                  <span>
                    <time dateTime={d}>{label(d)}</time>
                    <FieldError id={`holiday-${d}`} error={form.issue(String(index))} />
                  </span>
                  <button
                    type="button"
                    className="rounded px-2 py-1 text-sm font-semibold text-red-800 underline underline-offset-4 hover:bg-red-50"
                    aria-label={t("removeLabel", { date: label(d) })}
                    onClick={() => setDates((s) => s.filter((x) => x !== d))}
                  >
                    {t("remove")}
                  </button>
                </li>
              ) : null,
            )}
          </ul>
        </div>
      ))}
    </Section>
  );
}

function StandardsSection({ view, onReload }: SectionProps<"sla.standards">) {
  const t = useTranslations("admin.settings.standards");
  const step = useTranslations("admin.steps");
  const form = useSettingForm("sla.standards", view);
  const [v, setV] = useState(
    () => Object.fromEntries(STEPS.map((s) => [s, toText(view.value[s])])) as Record<(typeof STEPS)[number], string>,
  );
  return (
    <Section
      id="standards"
      title={t("title")}
      lead={t("lead")}
      view={view}
      form={form}
      onReload={onReload}
      onSubmit={() => form.save(Object.fromEntries(STEPS.map((s) => [s, toNumber(v[s])])))}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        {STEPS.map((s) => (
          <NumberField
            key={s}
            id={`standards-${s}`}
            label={`${step(s)} (${t("minutes")})`}
            value={v[s]}
            onChange={(value) => setV((x) => ({ ...x, [s]: value }))}
            error={form.issue(s)}
          />
        ))}
      </div>
    </Section>
  );
}

function CommitmentsSection({ view, onReload }: SectionProps<"sla.commitments">) {
  const t = useTranslations("admin.settings.commitments");
  const form = useSettingForm("sla.commitments", view);
  const [record, setRecord] = useState(toText(view.value.recordOfficeDays));
  const [response, setResponse] = useState(toText(view.value.responseOfficeDays));
  return (
    <Section
      id="commitments"
      title={t("title")}
      lead={t("lead")}
      view={view}
      form={form}
      onReload={onReload}
      onSubmit={() => form.save({ recordOfficeDays: toNumber(record), responseOfficeDays: toNumber(response) })}
    >
      <NumberField
        id="commitments-record"
        label={t("recordOfficeDays")}
        value={record}
        onChange={setRecord}
        error={form.issue("recordOfficeDays")}
      />
      <NumberField
        id="commitments-response"
        label={t("responseOfficeDays")}
        value={response}
        onChange={setResponse}
        error={form.issue("responseOfficeDays")}
      />
    </Section>
  );
}

function AutoArchiveSection({ view, onReload }: SectionProps<"sla.autoArchive">) {
  const t = useTranslations("admin.settings.autoArchive");
  const form = useSettingForm("sla.autoArchive", view);
  const [days, setDays] = useState(toText(view.value.officeDays));
  return (
    <Section
      id="auto-archive"
      title={t("title")}
      lead={t("lead")}
      view={view}
      form={form}
      onReload={onReload}
      onSubmit={() => form.save({ officeDays: toNumber(days) })}
    >
      <NumberField
        id="auto-archive-days"
        label={t("officeDays")}
        value={days}
        onChange={setDays}
        error={form.issue("officeDays")}
      />
    </Section>
  );
}

function RetentionSection({ view, onReload }: SectionProps<"retention.archive">) {
  const t = useTranslations("admin.settings.retention");
  const form = useSettingForm("retention.archive", view);
  const [enabled, setEnabled] = useState(view.value.enabled);
  const [years, setYears] = useState(toText(view.value.years));
  const [months, setMonths] = useState(toText(view.value.months));
  const [runAt, setRunAt] = useState(view.value.runAt);
  return (
    <Section
      id="retention"
      title={t("title")}
      lead={t("lead")}
      view={view}
      form={form}
      onReload={onReload}
      onSubmit={() => form.save({ enabled, years: toNumber(years), months: toNumber(months), runAt })}
    >
      <div className="flex items-start gap-2">
        <input
          id="retention-enabled"
          type="checkbox"
          className="mt-1 h-5 w-5"
          checked={enabled}
          onChange={(e) => setEnabled(e.target.checked)}
        />
        <label htmlFor="retention-enabled">{t("enabled")}</label>
      </div>
      <TextField
        id="retention-years"
        label={t("years")}
        value={years}
        onChange={setYears}
        error={form.issue("years") ?? form.issue("")}
        type="number"
        inputMode="numeric"
        min={0}
        step="1"
        softRequired
        className="max-w-xs"
      />
      <TextField
        id="retention-months"
        label={t("months")}
        value={months}
        onChange={setMonths}
        error={form.issue("months")}
        type="number"
        inputMode="numeric"
        min={0}
        step="1"
        softRequired
        className="max-w-xs"
      />
      <TextField
        id="retention-run-at"
        label={t("runAt")}
        hint={t("runAtHint")}
        type="time"
        value={runAt}
        onChange={setRunAt}
        error={form.issue("runAt")}
        className="w-36"
      />
    </Section>
  );
}

function PatternField({
  id,
  label,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error: string | null;
}) {
  const t = useTranslations("admin.settings.caseReference");
  return (
    <TextField
      id={id}
      label={label}
      value={value}
      onChange={onChange}
      error={error}
      softRequired
      maxLength={100}
      hint={t("example", { example: example(value) })}
    />
  );
}

function CaseReferenceSection({ view, onReload }: SectionProps<"numbering.caseReference">) {
  const t = useTranslations("admin.settings.caseReference");
  const form = useSettingForm("numbering.caseReference", view);
  const [pattern, setPattern] = useState(view.value);
  return (
    <Section
      id="case-reference"
      title={t("title")}
      lead={t("lead")}
      view={view}
      form={form}
      onReload={onReload}
      onSubmit={() => form.save(pattern)}
    >
      <PatternField
        id="case-reference-pattern"
        label={t("pattern")}
        value={pattern}
        onChange={setPattern}
        error={form.issue("")}
      />
    </Section>
  );
}

function LetterNumberingSection({ view, onReload }: SectionProps<"numbering.letters">) {
  const t = useTranslations("admin.settings.letters");
  const letter = useTranslations("admin.letterTypes");
  const form = useSettingForm("numbering.letters", view);
  const [v, setV] = useState(
    () =>
      Object.fromEntries(NUMBERED_LETTERS.map((type) => [type, view.value[type] ?? ""])) as Record<
        (typeof NUMBERED_LETTERS)[number],
        string
      >,
  );
  return (
    <Section
      id="letters"
      title={t("title")}
      lead={t("lead")}
      view={view}
      form={form}
      onReload={onReload}
      onSubmit={() => form.save({ ...view.value, ...v })}
    >
      {NUMBERED_LETTERS.map((type) => (
        <PatternField
          key={type}
          id={`letters-${type}`}
          label={letter(type)}
          value={v[type]}
          onChange={(value) => setV((s) => ({ ...s, [type]: value }))}
          error={form.issue(type)}
        />
      ))}
    </Section>
  );
}

function SignersSection({ view, users, onReload }: SectionProps<"letters.signers"> & { users: Users }) {
  const t = useTranslations("admin.settings.signers");
  const letter = useTranslations("admin.letterTypes");
  const form = useSettingForm("letters.signers", view);
  const [v, setV] = useState(
    () =>
      Object.fromEntries(NUMBERED_LETTERS.map((type) => [type, view.value[type] ?? ""])) as Record<
        (typeof NUMBERED_LETTERS)[number],
        string
      >,
  );
  const active = users.filter((u) => u.active);
  const build = () => ({
    ...view.value,
    ...Object.fromEntries(NUMBERED_LETTERS.map((type) => [type, v[type] || undefined])),
  });
  return (
    <Section
      id="signers"
      title={t("title")}
      lead={t("lead")}
      view={view}
      form={form}
      onReload={onReload}
      onSubmit={() => form.save(JSON.parse(JSON.stringify(build())))}
    >
      {NUMBERED_LETTERS.map((type) => {
        const id = `signers-${type}`;
        const error = form.issue(type);
        const current = users.find((u) => u.id === v[type]);
        return (
          <div key={type}>
            <FieldLabel htmlFor={id}>{letter(type)}</FieldLabel>
            <select
              id={id}
              value={v[type]}
              onChange={(e) => setV((s) => ({ ...s, [type]: e.target.value }))}
              aria-describedby={describedBy(id, undefined, error)}
              aria-invalid={error ? true : undefined}
              className={inputClass(Boolean(error))}
            >
              <option value="">{t("none")}</option>
              {active.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name} — {u.position}
                </option>
              ))}
              {v[type] && !current?.active ? (
                <option value={v[type]}>{t("inactive", { name: current?.name ?? v[type] })}</option>
              ) : null}
            </select>
            <FieldError id={id} error={error} />
          </div>
        );
      })}
    </Section>
  );
}

function UploadsSection({ view, onReload }: SectionProps<"uploads.limits">) {
  const t = useTranslations("admin.settings.uploads");
  const fileType = useTranslations("admin.fileTypes");
  const form = useSettingForm("uploads.limits", view);
  const mb = (bytes: number) => String(Math.round((bytes / MiB) * 100) / 100);
  const [fileMb, setFileMb] = useState(mb(view.value.maxFileBytes));
  const [files, setFiles] = useState(toText(view.value.maxFilesPerReport));
  const [totalMb, setTotalMb] = useState(mb(view.value.maxTotalBytes));
  const [types, setTypes] = useState<string[]>(view.value.allowedTypes);
  const known = [...Object.keys(FILE_TYPES), ...view.value.allowedTypes.filter((m) => !(m in FILE_TYPES))];
  const typesError = form.issue("allowedTypes");
  const build = () => ({
    maxFileBytes: Math.round(toNumber(fileMb) * MiB),
    maxFilesPerReport: toNumber(files),
    maxTotalBytes: Math.round(toNumber(totalMb) * MiB),
    // Kept in the order of the list, so an unchanged selection saves as unchanged.
    allowedTypes: known.filter((m) => types.includes(m)),
  });
  return (
    <Section
      id="uploads"
      title={t("title")}
      lead={t("lead")}
      view={view}
      form={form}
      onReload={onReload}
      onSubmit={() => form.save(build())}
    >
      <TextField
        id="uploads-file"
        label={t("maxFileMb")}
        value={fileMb}
        onChange={setFileMb}
        error={form.issue("maxFileBytes")}
        type="number"
        inputMode="decimal"
        min={0}
        step="any"
        softRequired
        className="max-w-xs"
      />
      <NumberField
        id="uploads-count"
        label={t("maxFilesPerReport")}
        value={files}
        onChange={setFiles}
        error={form.issue("maxFilesPerReport")}
      />
      <TextField
        id="uploads-total"
        label={t("maxTotalMb")}
        value={totalMb}
        onChange={setTotalMb}
        error={form.issue("maxTotalBytes")}
        type="number"
        inputMode="decimal"
        min={0}
        step="any"
        softRequired
        className="max-w-xs"
      />
      <fieldset
        aria-describedby={typesError ? "uploads-types-error" : undefined}
        aria-invalid={typesError ? true : undefined}
      >
        <legend className="font-semibold">{t("allowedTypes")}</legend>
        <ul className="mt-2 grid gap-2 sm:grid-cols-2">
          {known.map((mime) => {
            const id = `uploads-type-${mime.replace(/[^a-z0-9]/g, "-")}`;
            return (
              <li key={mime} className="flex items-start gap-2">
                <input
                  id={id}
                  type="checkbox"
                  className="mt-1 h-5 w-5"
                  checked={types.includes(mime)}
                  onChange={(e) => setTypes((s) => (e.target.checked ? [...s, mime] : s.filter((x) => x !== mime)))}
                />
                <label htmlFor={id}>
                  {FILE_TYPES[mime] ? fileType(FILE_TYPES[mime]) : mime}{" "}
                  <span className="text-xs break-all text-slate-700">({mime})</span>
                </label>
              </li>
            );
          })}
        </ul>
        <FieldError id="uploads-types" error={typesError} />
      </fieldset>
    </Section>
  );
}

// --- Scheduled backups -------------------------------------------------------------------------

function BackupSection({ view, onReload }: SectionProps<"backup.schedule">) {
  const t = useTranslations("backup.schedule");
  const trpc = useTRPC();
  const status = useQuery(trpc.admin.backup.status.queryOptions());
  const form = useSettingForm("backup.schedule", view);
  const [enabled, setEnabled] = useState(view.value.enabled);
  const [directory, setDirectory] = useState(view.value.directory);
  const [time, setTime] = useState(view.value.timeOfDay);
  const [keep, setKeep] = useState(toText(view.value.keep));
  return (
    <Section
      id="backup"
      title={t("title")}
      lead={t("lead")}
      view={view}
      form={form}
      onReload={onReload}
      onSubmit={() => form.save({ enabled, directory, timeOfDay: time, keep: toNumber(keep) })}
    >
      {status.data ? <BackupStatusPanel data={status.data} /> : null}
      <div className="flex items-center gap-2">
        <input
          id="backup-enabled"
          type="checkbox"
          className="h-5 w-5"
          checked={enabled}
          onChange={(e) => setEnabled(e.target.checked)}
        />
        <label htmlFor="backup-enabled">{t("enabled")}</label>
      </div>
      <TextField
        id="backup-directory"
        label={t("directory")}
        hint={t("directoryHint")}
        value={directory}
        onChange={setDirectory}
        error={form.issue("directory")}
        maxLength={500}
      />
      <TextField
        id="backup-time"
        label={t("timeOfDay")}
        value={time}
        onChange={setTime}
        error={form.issue("timeOfDay")}
        className="max-w-xs"
      />
      <NumberField id="backup-keep" label={t("keep")} value={keep} onChange={setKeep} error={form.issue("keep")} />
    </Section>
  );
}

// --- The page ------------------------------------------------------------------------------

export function SettingsAdmin() {
  const common = useTranslations("admin.common");
  const errorText = useErrorMessage();
  const trpc = useTRPC();
  const settings = useQuery(trpc.admin.settings.list.queryOptions());
  const users = useQuery(trpc.admin.users.list.queryOptions());
  // Bumped per section by "Reload" after a conflict: the section starts again from the stored value.
  const [generation, setGeneration] = useState<Partial<Record<Key, number>>>({});
  const reload = (key: Key) => async () => {
    await settings.refetch();
    setGeneration((g) => ({ ...g, [key]: (g[key] ?? 0) + 1 }));
  };
  const k = (key: Key) => `${key}-${generation[key] ?? 0}`;

  if (settings.isPending || users.isPending) return <p role="status">{common("loading")}</p>;
  if (settings.error || users.error)
    return (
      <Notice tone="bad" role="alert">
        {errorText(settings.error ?? users.error)}
      </Notice>
    );
  const s = settings.data;
  return (
    <div className="space-y-6">
      <IdentitySection key={k("office.identity")} view={s["office.identity"]} onReload={reload("office.identity")} />
      <EmblemSection />
      <HoursSection key={k("office.hours")} view={s["office.hours"]} onReload={reload("office.hours")} />
      <HolidaysSection key={k("office.holidays")} view={s["office.holidays"]} onReload={reload("office.holidays")} />
      <StandardsSection key={k("sla.standards")} view={s["sla.standards"]} onReload={reload("sla.standards")} />
      <CommitmentsSection key={k("sla.commitments")} view={s["sla.commitments"]} onReload={reload("sla.commitments")} />
      <AutoArchiveSection key={k("sla.autoArchive")} view={s["sla.autoArchive"]} onReload={reload("sla.autoArchive")} />
      <RetentionSection
        key={k("retention.archive")}
        view={s["retention.archive"]}
        onReload={reload("retention.archive")}
      />
      <CaseReferenceSection
        key={k("numbering.caseReference")}
        view={s["numbering.caseReference"]}
        onReload={reload("numbering.caseReference")}
      />
      <LetterNumberingSection
        key={k("numbering.letters")}
        view={s["numbering.letters"]}
        onReload={reload("numbering.letters")}
      />
      <SignersSection
        key={k("letters.signers")}
        view={s["letters.signers"]}
        users={users.data}
        onReload={reload("letters.signers")}
      />
      <UploadsSection key={k("uploads.limits")} view={s["uploads.limits"]} onReload={reload("uploads.limits")} />
      <BackupSection key={k("backup.schedule")} view={s["backup.schedule"]} onReload={reload("backup.schedule")} />
    </div>
  );
}
