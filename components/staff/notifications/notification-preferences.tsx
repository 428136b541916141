"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import type { NotificationKind } from "@/server/generated/prisma/enums.ts";
import { useTRPC } from "../trpc.tsx";
import { primaryButtonClass } from "@/components/ui/button.tsx";
import { inputClass } from "@/components/ui/field.tsx";
import { Notice } from "@/components/ui/notice.tsx";
import { Section } from "@/components/ui/page-section.tsx";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The member's own address, email language, digest and the kinds they want email for. */
export function NotificationPreferences() {
  const trpc = useTRPC();
  const prefs = useQuery(trpc.notifications.preferences.queryOptions());
  return prefs.data ? <PreferencesForm initial={prefs.data} /> : null;
}

interface Prefs {
  email: string;
  emailLocale: "id" | "en";
  emailDigest: boolean;
  mutedKinds: NotificationKind[];
  mutableKinds: NotificationKind[];
}

function PreferencesForm({ initial }: { initial: Prefs }) {
  const t = useTranslations("notifications");
  const trpc = useTRPC();
  const save = useMutation(trpc.notifications.savePreferences.mutationOptions());
  const [email, setEmail] = useState(initial.email);
  const [locale, setLocale] = useState<"id" | "en">(initial.emailLocale);
  const [digest, setDigest] = useState(initial.emailDigest);
  const [muted, setMuted] = useState<NotificationKind[]>(initial.mutedKinds);
  const [outcome, setOutcome] = useState<"saved" | "invalidEmail" | "failed" | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (email.trim() && !EMAIL.test(email.trim())) return setOutcome("invalidEmail");
    try {
      await save.mutateAsync({ email: email.trim(), emailLocale: locale, emailDigest: digest, mutedKinds: muted });
      setOutcome("saved");
    } catch {
      setOutcome("failed");
    }
  }

  return (
    <Section id="notification-prefs" title={t("prefs.title")}>
      <form onSubmit={onSubmit} className="max-w-xl space-y-4" noValidate>
        <div>
          <label htmlFor="notify-email" className="font-semibold">
            {t("prefs.email")}
          </label>
          <input
            id="notify-email"
            type="email"
            autoComplete="email"
            className={inputClass()}
            value={email}
            maxLength={320}
            aria-describedby="notify-email-hint"
            onChange={(e) => setEmail(e.target.value)}
          />
          <p id="notify-email-hint" className="text-sm text-slate-700">
            {t("prefs.emailHint")}
          </p>
        </div>
        <div>
          <label htmlFor="notify-locale" className="font-semibold">
            {t("prefs.locale")}
          </label>
          <select
            id="notify-locale"
            className={inputClass()}
            value={locale}
            onChange={(e) => setLocale(e.target.value === "en" ? "en" : "id")}
          >
            <option value="id">{t("prefs.localeId")}</option>
            <option value="en">{t("prefs.localeEn")}</option>
          </select>
        </div>
        <label className="flex items-start gap-2">
          <input type="checkbox" className="mt-1" checked={digest} onChange={(e) => setDigest(e.target.checked)} />
          <span>{t("prefs.digest")}</span>
        </label>
        <fieldset>
          <legend className="font-semibold">{t("prefs.kinds")}</legend>
          {initial.mutableKinds.map((k) => (
            <label key={k} className="flex items-start gap-2">
              <input
                type="checkbox"
                className="mt-1"
                checked={!muted.includes(k)}
                onChange={(e) => setMuted((m) => (e.target.checked ? m.filter((x) => x !== k) : [...m, k]))}
              />
              <span>{t(`kind.${k}`)}</span>
            </label>
          ))}
          <p className="mt-1 text-sm text-slate-700">{t("prefs.overdueAlways")}</p>
        </fieldset>
        {outcome && (
          <Notice tone={outcome === "saved" ? "good" : "bad"} role={outcome === "saved" ? "status" : "alert"}>
            {t(`prefs.${outcome}`)}
          </Notice>
        )}
        <button type="submit" className={primaryButtonClass} disabled={save.isPending}>
          {t("prefs.save")}
        </button>
      </form>
    </Section>
  );
}
