"use client";

import { useMutation } from "@tanstack/react-query";
import { reasonOf } from "@/components/staff/reason.ts";
import { TRPCClientError } from "@trpc/client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useTRPC } from "../trpc.tsx";
import { BackupCodes } from "./backup-codes.tsx";
import { primaryButtonClass } from "@/components/ui/button.tsx";
import { CodeField } from "@/components/ui/code-field.tsx";
import { ErrorAlert } from "@/components/ui/error-alert.tsx";
import { upgradeSession } from "./session-upgrade.ts";
import { HeadedSection } from "@/components/ui/headed-section.tsx";

const groupsOfFour = (secret: string) => secret.match(/.{1,4}/g)?.join(" ") ?? secret;

export interface EnrolmentPanelProps {
  account: string;
  /** Base32 secret, for manual entry. */
  secret: string;
  /** The QR code of the otpauth:// URI (data: URL drawn on the server). */
  qrDataUrl: string;
  signInPath: string;
  /** The staff home, where the upgraded session continues. */
  workspacePath: string;
  locale: string;
}

/**
 * First sign-in: scan the QR code (or type the key), confirm one code, receive the ten backup
 * codes once, then continue into the workspace: the confirmation turned this session into a full
 * one on the server, and the token is re-issued right away. Should that fail (the network, or
 * the account changed meanwhile), the way on is a normal sign-in with a code.
 */
export function EnrolmentPanel({ account, secret, qrDataUrl, signInPath, workspacePath, locale }: EnrolmentPanelProps) {
  const t = useTranslations("auth.enrol");
  const trpc = useTRPC();
  const confirm = useMutation(trpc.account.confirmEnrolment.mutationOptions());
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [backupCodes, setBackupCodes] = useState<string[] | null>(null);
  const [upgraded, setUpgraded] = useState(false);

  async function leave() {
    // Navigate ourselves: next-auth would build an absolute URL from NEXTAUTH_URL.
    await signOut({ redirect: false }).catch(() => undefined);
    window.location.assign(signInPath);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The field, not the state: a code typed before the page's script took over is only there.
    const typed = new FormData(event.currentTarget).get("code");
    const value = (typeof typed === "string" ? typed : code).replace(/\s/g, "");
    if (!/^\d{6}$/.test(value)) return setError(t("codeFormat"));
    setError(null);
    try {
      const result = await confirm.mutateAsync({ code: value });
      setUpgraded(await upgradeSession());
      setBackupCodes(result.backupCodes);
    } catch (e) {
      setCode("");
      const status = e instanceof TRPCClientError ? (e.data as { code?: string } | undefined)?.code : undefined;
      if (reasonOf(e) === "enrolment.code_invalid") setError(t("codeInvalid"));
      else if (status === "UNAUTHORIZED" || status === "CONFLICT") setError(t("expired"));
      else setError(t("failed"));
    }
  }

  if (backupCodes) {
    const onContinue = upgraded ? () => window.location.assign(workspacePath) : leave;
    return (
      <BackupCodes account={account} codes={backupCodes} locale={locale} onContinue={onContinue} continues={upgraded} />
    );
  }

  return (
    <div className="mt-6 space-y-8">
      <HeadedSection id="enrol-step1" title={t("step1Title")} size="small">
        <p className="mt-1 text-slate-700">{t("step1")}</p>
      </HeadedSection>

      <HeadedSection id="enrol-step2" title={t("step2Title")} size="small">
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL drawn on the server; nothing to optimise */}
        <img
          src={qrDataUrl}
          alt={t("qrAlt", { account })}
          width={232}
          height={232}
          className="mt-3 h-auto w-58 max-w-full rounded border border-slate-300 bg-white"
          data-testid="totp-qr"
        />
        <p className="mt-3 text-slate-700" id="secret-intro">
          {t("manual")}
        </p>
        <p className="mt-2">
          <span className="block text-sm font-semibold">{t("secretLabel")}</span>
          <code
            id="totp-secret"
            aria-describedby="secret-intro"
            className="mt-1 inline-block break-words rounded bg-slate-100 px-2 py-1 font-mono text-lg tracking-wider"
          >
            {groupsOfFour(secret)}
          </code>
        </p>
      </HeadedSection>

      <HeadedSection id="enrol-step3" title={t("step3Title")} size="small">
        <form onSubmit={onSubmit} noValidate className="mt-3 max-w-sm space-y-4">
          <CodeField
            id="enrol-code"
            label={t("codeLabel")}
            hint={t("codeHint")}
            value={code}
            onChange={setCode}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            required
            invalid={Boolean(error)}
          />
          <ErrorAlert>{error}</ErrorAlert>
          <button type="submit" disabled={confirm.isPending} className={`w-full ${primaryButtonClass}`}>
            {confirm.isPending ? t("confirming") : t("confirm")}
          </button>
        </form>
      </HeadedSection>

      <p>
        <button
          type="button"
          onClick={leave}
          className="rounded border border-brand-700 px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50"
        >
          {t("cancel")}
        </button>
      </p>
    </div>
  );
}
