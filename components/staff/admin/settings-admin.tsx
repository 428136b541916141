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
import { LastChanged } from "./last-changed.tsx";
import { BackupStatusPanel } from "../backup-status-panel.tsx";
import { useErrorMessage } from "./error-message.ts";
import { primaryButtonClass, secondaryButtonClass } from "@/components/ui/button.tsx";
import {
  CheckField,
  FieldError,
  FieldLabel,
  SelectField,
  TextField,
  describedBy,
  inputClass,
} from "@/components/ui/field.tsx";
import { ErrorAlert } from "@/components/ui/error-alert.tsx";
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

function useSettingForm<K extends Key>(key: K, view: View<K>, reload: () => void) {
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
    view,
    reload,
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

/** One setting's form under its heading; `t` holds the section's texts (`title`, `lead`). */
function Section({
  id,
  t,
  form,
  onSubmit,
  children,
}: {
  id: string;
  t: (key: "title" | "lead") => string;
  form: SettingForm;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const common = useTranslations("admin.common");
  const errors = useTranslations("admin.errors");
  const errorText = useErrorMessage();
  const { view, mutation, issues } = form;
  const stale = reasonOf(mutation.error) === "admin.stale_setting";

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit();
  }

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-4 rounded border border-slate-300 p-4">
      <div className="space-y-1">
        <h2 id={`${id}-title`} className="text-xl font-bold text-brand-900">
          {t("title")}
        </h2>
        <p className="text-slate-700">{t("lead")}</p>
        <p className="text-sm text-slate-700">
          <LastChanged at={view.updatedAt} by={view.updatedBy} />
        </p>
        <ErrorAlert>{view.invalid ? common("storedInvalid") : null}</ErrorAlert>
      </div>
      <form onSubmit={submit} noValidate className="space-y-4">
        {children}
        <ErrorAlert>{issues.length ? common("formErrors") : null}</ErrorAlert>
        {stale ? (
          <Notice tone="bad" role="alert">
            <p>{errors("stale_setting")}</p>
            <button type="button" className={`${secondaryButtonClass} mt-2`} onClick={form.reload}>
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

/** A number the server checks: whole and from `min` (1 unless said), or `decimal` (a size in MB, from 0). */
function NumberField({
  min = 1,
  decimal,
  ...field
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error: string | null;
  hint?: string;
  min?: number;
  decimal?: boolean;
}) {
  return (
    <TextField
      {...field}
      type="number"
      inputMode={decimal ? "decimal" : "numeric"}
      min={decimal ? 0 : min}
      step={decimal ? "any" : "1"}
      softRequired
      className="max-w-xs"
    />
  );
}

/**
 * A section's typed texts as one draft: `bind(name, id)` ties a field to its label (`t(name)`
 * unless given), its text and the issue at `name`.
 */
function useDraft<D extends Record<string, string>>(form: SettingForm, t: (key: string) => string, initial: () => D) {
  const [draft, setDraft] = useState(initial);
  const bind = (name: keyof D & string, id: string, label = t(name)) => ({
    id,
    label,
    value: draft[name],
    onChange: (value: string) => setDraft((d) => ({ ...d, [name]: value })),
    error: form.issue(name),
  });
  return [draft, bind] as const;
}

/** A setting's numbers as the texts of their fields, and back. */
const texts = <T extends Record<string, number>>(o: T) =>
  Object.fromEntries(Object.entries(o).map(([k, n]) => [k, toText(n)])) as { [K in keyof T]: string };
const numbers = <T extends Record<string, string>>(o: T) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, toNumber(v)])) as { [K in keyof T]: number };

// --- The sections ------------------------------------------------------------------------

interface SectionProps<K extends Key> {
  view: View<K>;
  onReload: () => void;
}

function IdentitySection({ view, onReload }: SectionProps<"office.identity">) {
  const t = useTranslations("admin.settings.identity");
  const form = useSettingForm("office.identity", view, onReload);
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
    <Section id="identity" t={t} form={form} onSubmit={() => form.save(v)}>
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
  const form = useSettingForm("office.hours", view, onReload);
  const [v, bind] = useDraft(form, t, () => ({ timeZone: view.value.timeZone }));
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
    timeZone: v.timeZone,
    days: Object.fromEntries(WEEKDAYS.filter((d) => days[d].open).map((d) => [d, [days[d].from, days[d].to]])),
  });
  const noDays = form.issue("days");
  return (
    <Section id="hours" t={t} form={form} onSubmit={() => form.save(build())}>
      <TextField
        {...bind("timeZone", "hours-timeZone")}
        hint={t("timeZoneHint")}
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
                <CheckField
                  id={`hours-${d}-open`}
                  label={t("open")}
                  checked={days[d].open}
                  onChange={(open) => setDay(d, { open })}
                />
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
  const form = useSettingForm("office.holidays", view, onReload);
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
    <Section id="holidays" t={t} form={form} onSubmit={() => form.save(dates)}>
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
  const form = useSettingForm("sla.standards", view, onReload);
  const [v, bind] = useDraft(
    form,
    t,
    () => Object.fromEntries(STEPS.map((s) => [s, toText(view.value[s])])) as Record<(typeof STEPS)[number], string>,
  );
  return (
    <Section id="standards" t={t} form={form} onSubmit={() => form.save(numbers(v))}>
      <div className="grid gap-4 sm:grid-cols-2">
        {STEPS.map((s) => (
          <NumberField key={s} {...bind(s, `standards-${s}`, `${step(s)} (${t("minutes")})`)} />
        ))}
      </div>
    </Section>
  );
}

function CommitmentsSection({ view, onReload }: SectionProps<"sla.commitments">) {
  const t = useTranslations("admin.settings.commitments");
  const form = useSettingForm("sla.commitments", view, onReload);
  const [v, bind] = useDraft(form, t, () => texts(view.value));
  return (
    <Section id="commitments" t={t} form={form} onSubmit={() => form.save(numbers(v))}>
      <NumberField {...bind("recordOfficeDays", "commitments-record")} />
      <NumberField {...bind("responseOfficeDays", "commitments-response")} />
    </Section>
  );
}

function AutoArchiveSection({ view, onReload }: SectionProps<"sla.autoArchive">) {
  const t = useTranslations("admin.settings.autoArchive");
  const form = useSettingForm("sla.autoArchive", view, onReload);
  const [v, bind] = useDraft(form, t, () => texts(view.value));
  return (
    <Section id="auto-archive" t={t} form={form} onSubmit={() => form.save(numbers(v))}>
      <NumberField {...bind("officeDays", "auto-archive-days")} />
    </Section>
  );
}

function RetentionSection({ view, onReload }: SectionProps<"retention.archive">) {
  const t = useTranslations("admin.settings.retention");
  const form = useSettingForm("retention.archive", view, onReload);
  const [enabled, setEnabled] = useState(view.value.enabled);
  const [v, bind] = useDraft(form, t, () => ({
    years: toText(view.value.years),
    months: toText(view.value.months),
    runAt: view.value.runAt,
  }));
  return (
    <Section
      id="retention"
      t={t}
      form={form}
      onSubmit={() => form.save({ enabled, years: toNumber(v.years), months: toNumber(v.months), runAt: v.runAt })}
    >
      <CheckField id="retention-enabled" label={t("enabled")} checked={enabled} onChange={setEnabled} />
      <NumberField {...bind("years", "retention-years")} min={0} error={form.issue("years") ?? form.issue("")} />
      <NumberField {...bind("months", "retention-months")} min={0} />
      <TextField {...bind("runAt", "retention-run-at")} hint={t("runAtHint")} type="time" className="w-36" />
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
  const form = useSettingForm("numbering.caseReference", view, onReload);
  const [pattern, setPattern] = useState(view.value);
  return (
    <Section id="case-reference" t={t} form={form} onSubmit={() => form.save(pattern)}>
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

/** The letter types' texts (a pattern, a signer's id), "" where none is set. */
const perLetter = (value: Partial<Record<(typeof NUMBERED_LETTERS)[number], string>>) =>
  Object.fromEntries(NUMBERED_LETTERS.map((type) => [type, value[type] ?? ""])) as Record<
    (typeof NUMBERED_LETTERS)[number],
    string
  >;

function LetterNumberingSection({ view, onReload }: SectionProps<"numbering.letters">) {
  const t = useTranslations("admin.settings.letters");
  const letter = useTranslations("admin.letterTypes");
  const form = useSettingForm("numbering.letters", view, onReload);
  const [v, bind] = useDraft(form, t, () => perLetter(view.value));
  return (
    <Section id="letters" t={t} form={form} onSubmit={() => form.save({ ...view.value, ...v })}>
      {NUMBERED_LETTERS.map((type) => (
        <PatternField key={type} {...bind(type, `letters-${type}`, letter(type))} />
      ))}
    </Section>
  );
}

function SignersSection({ view, users, onReload }: SectionProps<"letters.signers"> & { users: Users }) {
  const t = useTranslations("admin.settings.signers");
  const letter = useTranslations("admin.letterTypes");
  const form = useSettingForm("letters.signers", view, onReload);
  const [v, bind] = useDraft(form, t, () => perLetter(view.value));
  const active = users.filter((u) => u.active);
  const build = () => ({
    ...view.value,
    ...Object.fromEntries(NUMBERED_LETTERS.map((type) => [type, v[type] || undefined])),
  });
  return (
    <Section id="signers" t={t} form={form} onSubmit={() => form.save(JSON.parse(JSON.stringify(build())))}>
      {NUMBERED_LETTERS.map((type) => {
        const current = users.find((u) => u.id === v[type]);
        return (
          <SelectField key={type} {...bind(type, `signers-${type}`, letter(type))}>
            <option value="">{t("none")}</option>
            {active.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} — {u.position}
              </option>
            ))}
            {v[type] && !current?.active ? (
              <option value={v[type]}>{t("inactive", { name: current?.name ?? v[type] })}</option>
            ) : null}
          </SelectField>
        );
      })}
    </Section>
  );
}

function UploadsSection({ view, onReload }: SectionProps<"uploads.limits">) {
  const t = useTranslations("admin.settings.uploads");
  const fileType = useTranslations("admin.fileTypes");
  const form = useSettingForm("uploads.limits", view, onReload);
  const mb = (bytes: number) => String(Math.round((bytes / MiB) * 100) / 100);
  const [v, bind] = useDraft(form, t, () => ({
    maxFileBytes: mb(view.value.maxFileBytes),
    maxFilesPerReport: toText(view.value.maxFilesPerReport),
    maxTotalBytes: mb(view.value.maxTotalBytes),
  }));
  const [types, setTypes] = useState<string[]>(view.value.allowedTypes);
  const known = [...Object.keys(FILE_TYPES), ...view.value.allowedTypes.filter((m) => !(m in FILE_TYPES))];
  const typesError = form.issue("allowedTypes");
  const build = () => ({
    maxFileBytes: Math.round(toNumber(v.maxFileBytes) * MiB),
    maxFilesPerReport: toNumber(v.maxFilesPerReport),
    maxTotalBytes: Math.round(toNumber(v.maxTotalBytes) * MiB),
    // Kept in the order of the list, so an unchanged selection saves as unchanged.
    allowedTypes: known.filter((m) => types.includes(m)),
  });
  return (
    <Section id="uploads" t={t} form={form} onSubmit={() => form.save(build())}>
      {/* The sizes are typed in MB; the setting and its issues count bytes. */}
      <NumberField {...bind("maxFileBytes", "uploads-file", t("maxFileMb"))} decimal />
      <NumberField {...bind("maxFilesPerReport", "uploads-count")} />
      <NumberField {...bind("maxTotalBytes", "uploads-total", t("maxTotalMb"))} decimal />
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
  const form = useSettingForm("backup.schedule", view, onReload);
  const [enabled, setEnabled] = useState(view.value.enabled);
  const [v, bind] = useDraft(form, t, () => ({
    directory: view.value.directory,
    timeOfDay: view.value.timeOfDay,
    keep: toText(view.value.keep),
  }));
  return (
    <Section id="backup" t={t} form={form} onSubmit={() => form.save({ enabled, ...v, keep: toNumber(v.keep) })}>
      {status.data ? <BackupStatusPanel data={status.data} /> : null}
      <CheckField id="backup-enabled" label={t("enabled")} checked={enabled} onChange={setEnabled} />
      <TextField {...bind("directory", "backup-directory")} hint={t("directoryHint")} maxLength={500} />
      <TextField {...bind("timeOfDay", "backup-time")} className="max-w-xs" />
      <NumberField {...bind("keep", "backup-keep")} />
    </Section>
  );
}

// --- The page ------------------------------------------------------------------------------

/** Each setting's form. */
const FORMS = {
  "office.identity": IdentitySection,
  "office.hours": HoursSection,
  "office.holidays": HolidaysSection,
  "sla.standards": StandardsSection,
  "sla.commitments": CommitmentsSection,
  "sla.autoArchive": AutoArchiveSection,
  "retention.archive": RetentionSection,
  "numbering.caseReference": CaseReferenceSection,
  "numbering.letters": LetterNumberingSection,
  "letters.signers": SignersSection,
  "uploads.limits": UploadsSection,
  "backup.schedule": BackupSection,
} satisfies { [K in Key]?: (props: SectionProps<K> & { users: Users }) => ReactNode };

/** The page's sections in order: the emblem (an upload, not a setting value) follows the office's identity. */
const [FIRST, ...REST] = Object.keys(FORMS) as (keyof typeof FORMS)[];
const SECTIONS = [FIRST!, "emblem" as const, ...REST];

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
  return (
    <div className="space-y-6">
      {SECTIONS.map((key) => {
        if (key === "emblem") return <EmblemSection key={key} />;
        const Form = FORMS[key] as (props: SectionProps<Key> & { users: Users }) => ReactNode;
        return <Form key={k(key)} view={settings.data[key]} users={users.data} onReload={reload(key)} />;
      })}
    </div>
  );
}
