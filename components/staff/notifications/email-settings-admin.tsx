"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useTRPC } from "../trpc.tsx";
import { primaryButtonClass, secondaryButtonClass } from "@/components/ui/button.tsx";
import { CheckField, SelectField, TextField } from "@/components/ui/field.tsx";
import { Notice, OUTCOME } from "@/components/ui/notice.tsx";

type Tls = "none" | "starttls" | "tls";

/**
 * Admin: the SMTP server (the stored password is never sent to the browser; an empty field keeps
 * it), a test email to the Admin's own address, notification timing and staff email addresses.
 */
export function EmailSettingsAdmin() {
  const trpc = useTRPC();
  const smtp = useQuery(trpc.notifications.smtp.queryOptions());
  return smtp.data ? <EmailSettingsForm data={smtp.data} /> : null;
}

interface SmtpView {
  enabled: boolean;
  host: string;
  port: number;
  tls: Tls;
  user: string;
  from: string;
  hasPassword: boolean;
  timing: { dueSoonMinutes: number; digestTime: string };
}

function EmailSettingsForm({ data }: { data: SmtpView }) {
  const t = useTranslations("notifications.admin");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const saveSmtp = useMutation(trpc.notifications.saveSmtp.mutationOptions());
  const saveTiming = useMutation(trpc.notifications.saveTiming.mutationOptions());
  const sendTest = useMutation(trpc.notifications.sendTest.mutationOptions());
  const [form, setForm] = useState({
    enabled: data.enabled,
    host: data.host,
    port: String(data.port),
    tls: data.tls,
    user: data.user,
    password: "",
    removePassword: false,
    from: data.from,
  });
  const [timing, setTiming] = useState({
    dueSoonMinutes: String(data.timing.dueSoonMinutes),
    digestTime: data.timing.digestTime,
  });
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);

  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  async function onSave(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    try {
      await saveSmtp.mutateAsync({
        enabled: form.enabled,
        host: form.host.trim(),
        port: Number(form.port),
        tls: form.tls,
        user: form.user.trim(),
        password: form.removePassword ? "" : form.password === "" ? undefined : form.password,
        from: form.from.trim(),
      });
      setForm((f) => ({ ...f, password: "", removePassword: false }));
      await queryClient.invalidateQueries({ queryKey: trpc.notifications.smtp.queryKey() });
      setMessage({ kind: "success", text: t("saved") });
    } catch {
      setMessage({ kind: "error", text: t("failed") });
    }
  }

  async function onTest() {
    setMessage(null);
    const r = await sendTest.mutateAsync().catch(() => null);
    if (!r) return setMessage({ kind: "error", text: t("testFailed", { detail: "?" }) });
    if (r.ok) return setMessage({ kind: "success", text: t("testSent", { to: r.to }) });
    if (r.reason === "not_configured") return setMessage({ kind: "error", text: t("testNotConfigured") });
    if (r.reason === "no_address") return setMessage({ kind: "error", text: t("testNoAddress") });
    setMessage({ kind: "error", text: t("testFailed", { detail: r.detail ?? "?" }) });
  }

  async function onSaveTiming(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    try {
      await saveTiming.mutateAsync({ dueSoonMinutes: Number(timing.dueSoonMinutes), digestTime: timing.digestTime });
      setMessage({ kind: "success", text: t("saved") });
    } catch {
      setMessage({ kind: "error", text: t("failed") });
    }
  }

  return (
    <section aria-labelledby="email-settings-title" className="mt-10 space-y-4" data-testid="email-settings">
      <h2 id="email-settings-title" className="text-xl font-bold text-brand-900">
        {t("title")}
      </h2>
      <p className="text-slate-700">{t("lead")}</p>
      {message && <Notice {...OUTCOME[message.kind]}>{message.text}</Notice>}
      <form onSubmit={onSave} className="max-w-xl space-y-3" noValidate>
        <CheckField
          id="smtp-enabled"
          label={t("enabled")}
          strong
          checked={form.enabled}
          onChange={(enabled) => setForm((f) => ({ ...f, enabled }))}
        />
        <TextField id="smtp-host" label={t("host")} value={form.host} onChange={set("host")} maxLength={253} />
        <TextField
          id="smtp-port"
          label={t("port")}
          type="number"
          inputMode="numeric"
          value={form.port}
          onChange={set("port")}
          min={1}
        />
        <SelectField
          id="smtp-tls"
          label={t("tls")}
          value={form.tls}
          onChange={set("tls")}
          options={[
            ["starttls", t("tlsStarttls")],
            ["tls", t("tlsTls")],
            ["none", t("tlsNone")],
          ]}
        />
        <TextField id="smtp-user" label={t("user")} value={form.user} onChange={set("user")} maxLength={320} />
        <div>
          <TextField
            id="smtp-password"
            type="password"
            autoComplete="new-password"
            label={t("password")}
            hint={data.hasPassword ? t("passwordStored") : t("passwordNone")}
            value={form.password}
            onChange={set("password")}
            disabled={form.removePassword}
          />
          {data.hasPassword && (
            <CheckField
              id="smtp-remove-password"
              label={t("removePassword")}
              checked={form.removePassword}
              onChange={(removePassword) => setForm((f) => ({ ...f, removePassword }))}
            />
          )}
        </div>
        <TextField
          id="smtp-from"
          label={t("from")}
          type="email"
          value={form.from}
          onChange={set("from")}
          maxLength={320}
        />
        <div className="flex flex-wrap gap-3">
          <button type="submit" className={primaryButtonClass} disabled={saveSmtp.isPending}>
            {t("save")}
          </button>
          <button type="button" className={secondaryButtonClass} disabled={sendTest.isPending} onClick={onTest}>
            {t("test")}
          </button>
        </div>
      </form>
      <form onSubmit={onSaveTiming} className="max-w-xl space-y-3" noValidate>
        <h3 className="text-lg font-bold text-brand-900">{t("timing")}</h3>
        <TextField
          id="notify-due-soon"
          label={t("dueSoon")}
          type="number"
          inputMode="numeric"
          value={timing.dueSoonMinutes}
          onChange={(v) => setTiming((x) => ({ ...x, dueSoonMinutes: v }))}
          min={1}
        />
        <TextField
          id="notify-digest-time"
          label={t("digestTime")}
          type="time"
          value={timing.digestTime}
          onChange={(v) => setTiming((x) => ({ ...x, digestTime: v }))}
        />
        <button type="submit" className={secondaryButtonClass} disabled={saveTiming.isPending}>
          {t("saveTiming")}
        </button>
      </form>
      <StaffAddresses />
    </section>
  );
}

/** Admin sets each member's address (members can also set their own on /staff/notifikasi). */
function StaffAddresses() {
  const trpc = useTRPC();
  const users = useQuery(trpc.admin.users.list.queryOptions());
  const emails = useQuery(trpc.notifications.userEmails.queryOptions());
  if (!users.data || !emails.data) return null;
  return <AddressForms users={users.data} initial={Object.fromEntries(emails.data.map((e) => [e.id, e.email]))} />;
}

function AddressForms({
  users,
  initial,
}: {
  users: { id: string; name: string; active: boolean }[];
  initial: Record<string, string>;
}) {
  const t = useTranslations("notifications.admin");
  const trpc = useTRPC();
  const save = useMutation(trpc.notifications.setUserEmail.mutationOptions());
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [done, setDone] = useState<{ ok: boolean; name: string } | null>(null);
  return (
    <div className="max-w-xl space-y-3">
      <h3 className="text-lg font-bold text-brand-900">{t("addresses")}</h3>
      {done && (
        <Notice {...OUTCOME[done.ok ? "success" : "error"]}>
          {done.ok ? t("addressSaved", { name: done.name }) : t("failed")}
        </Notice>
      )}
      {users
        .filter((u) => u.active)
        .map((u) => (
          <form
            key={u.id}
            className="flex items-end gap-2"
            onSubmit={async (e) => {
              e.preventDefault();
              const ok = await save.mutateAsync({ id: u.id, email: (values[u.id] ?? "").trim() }).then(
                () => true,
                () => false,
              );
              setDone({ ok, name: u.name });
            }}
          >
            <TextField
              id={`email-${u.id}`}
              className="grow"
              label={t("addressFor", { name: u.name })}
              type="email"
              value={values[u.id] ?? ""}
              onChange={(v) => setValues((x) => ({ ...x, [u.id]: v }))}
              maxLength={320}
            />
            <button type="submit" className={secondaryButtonClass}>
              {t("saveAddress")}
            </button>
          </form>
        ))}
    </div>
  );
}
