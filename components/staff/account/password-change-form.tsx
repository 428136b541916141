"use client";

import { useMutation } from "@tanstack/react-query";
import { reasonOf } from "@/components/staff/reason.ts";
import { TRPCClientError } from "@trpc/client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useTRPC } from "../trpc.tsx";
import { primaryButtonClass } from "@/components/ui/button.tsx";
import { TextField } from "@/components/ui/field.tsx";
import { ErrorAlert } from "@/components/ui/error-alert.tsx";
import { Notice } from "@/components/ui/notice.tsx";

type Field = "current" | "next" | "repeat";
type Problem = "current" | "short" | "same" | "mismatch" | "username";

/** Which field a refusal belongs to, from the server's field errors or reason key. */
function problemsOf(error: unknown): Partial<Record<Field, Problem>> | null {
  if (!(error instanceof TRPCClientError)) return null;
  const fieldErrors = (error.data as { fieldErrors?: Partial<Record<Field, string[]>> } | undefined)?.fieldErrors;
  if (fieldErrors) {
    const out: Partial<Record<Field, Problem>> = {};
    if (fieldErrors.current) out.current = "current";
    if (fieldErrors.next) out.next = fieldErrors.next.includes("same") ? "same" : "short";
    if (fieldErrors.repeat) out.repeat = "mismatch";
    return out;
  }
  if (reasonOf(error) === "password.current") return { current: "current" };
  if (reasonOf(error) === "password.next") return { next: "username" };
  return null;
}

/** New password for one's own account; afterwards every session ends and the user signs in again. */
export function PasswordChangeForm({ signInPath, minLength }: { signInPath: string; minLength: number }) {
  const t = useTranslations("auth.password");
  const trpc = useTRPC();
  const change = useMutation(trpc.account.changePassword.mutationOptions());
  const [problems, setProblems] = useState<Partial<Record<Field, Problem>>>({});
  const [failed, setFailed] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fd = new FormData(event.currentTarget);
    const value = (name: Field) => String(fd.get(name) ?? "");
    const local: Partial<Record<Field, Problem>> = {};
    if (!value("current")) local.current = "current";
    if (value("next").length < minLength) local.next = "short";
    else if (value("next") !== value("repeat")) local.repeat = "mismatch";
    setProblems(local);
    setFailed(false);
    if (Object.keys(local).length) return;
    try {
      await change.mutateAsync({ current: value("current"), next: value("next"), repeat: value("repeat") });
    } catch (error) {
      const found = problemsOf(error);
      if (found) setProblems(found);
      else setFailed(true);
    }
  }

  async function signInAgain() {
    // Navigate ourselves: next-auth would build an absolute URL from NEXTAUTH_URL.
    await signOut({ redirect: false }).catch(() => undefined);
    window.location.assign(signInPath);
  }

  if (change.isSuccess) {
    return (
      <div className="mt-6 space-y-4">
        <Notice tone="good" role="status">
          {t("done")}
        </Notice>
        <button type="button" className={primaryButtonClass} onClick={signInAgain}>
          {t("signInAgain")}
        </button>
      </div>
    );
  }

  const field = (name: Field, autoComplete: string, hint?: string) => (
    <TextField
      id={`password-${name}`}
      name={name}
      type="password"
      label={t(name)}
      hint={hint}
      autoComplete={autoComplete}
      required
      maxLength={200}
      error={problems[name] ? t(`errors.${problems[name]}`, { min: minLength }) : undefined}
    />
  );

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 max-w-md space-y-4">
      <ErrorAlert>{failed ? t("errors.server") : null}</ErrorAlert>
      {field("current", "current-password")}
      {field("next", "new-password", t("nextHint", { min: minLength }))}
      {field("repeat", "new-password")}
      <button type="submit" className={primaryButtonClass} disabled={change.isPending}>
        {change.isPending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
