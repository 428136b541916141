"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import type { NotificationKind } from "@/server/generated/prisma/enums.ts";
import { useTRPC } from "../trpc.tsx";
import { primaryButtonClass } from "@/components/ui/button.tsx";
import { CheckField, SelectField, TextField } from "@/components/ui/field.tsx";
import { Fieldset } from "@/components/ui/fieldset.tsx";
import { Notice } from "@/components/ui/notice.tsx";
import { HeadedSection } from "@/components/ui/headed-section.tsx";

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
    <HeadedSection id="notification-prefs-title" title={t("prefs.title")} className="space-y-3" size="medium">
      <form onSubmit={onSubmit} className="max-w-xl space-y-4" noValidate>
        <TextField
          id="notify-email"
          type="email"
          autoComplete="email"
          label={t("prefs.email")}
          hint={t("prefs.emailHint")}
          value={email}
          maxLength={320}
          onChange={setEmail}
        />
        <SelectField
          id="notify-locale"
          label={t("prefs.locale")}
          value={locale}
          onChange={(v) => setLocale(v === "en" ? "en" : "id")}
          options={[
            ["id", t("prefs.localeId")],
            ["en", t("prefs.localeEn")],
          ]}
        />
        <CheckField id="notify-digest" label={t("prefs.digest")} checked={digest} onChange={setDigest} />
        <Fieldset legend={t("prefs.kinds")}>
          {initial.mutableKinds.map((k) => (
            <CheckField
              key={k}
              id={`notify-kind-${k}`}
              label={t(`kind.${k}`)}
              checked={!muted.includes(k)}
              onChange={(on) => setMuted((m) => (on ? m.filter((x) => x !== k) : [...m, k]))}
            />
          ))}
          <p className="mt-1 text-sm text-slate-700">{t("prefs.overdueAlways")}</p>
        </Fieldset>
        {outcome && (
          <Notice tone={outcome === "saved" ? "good" : "bad"} role={outcome === "saved" ? "status" : "alert"}>
            {t(`prefs.${outcome}`)}
          </Notice>
        )}
        <button type="submit" className={primaryButtonClass} disabled={save.isPending}>
          {t("prefs.save")}
        </button>
      </form>
    </HeadedSection>
  );
}
