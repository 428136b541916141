"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { primaryButtonClass, secondaryButtonClass } from "@/components/ui/button.tsx";
import { CodeField } from "@/components/ui/code-field.tsx";
import { TextField } from "@/components/ui/field.tsx";
import { ErrorAlert } from "@/components/ui/error-alert.tsx";
// The code field takes the focus when the second step appears (keyboard and screen-reader users land there).
import { focusOnMount } from "@/components/portal/focus.ts";

type Step = { kind: "password" } | { kind: "code"; username: string; password: string };

const primary = `w-full ${primaryButtonClass}`;

/**
 * Two steps in one form: username (or NIP) and password, then, for an account with a second
 * factor, a TOTP or backup code. The password stays in memory only between the two posts.
 * An account without a second factor is signed in to the enrolment page instead (/staff
 * sends such a session to /staff/keamanan).
 */
export function SignInForm({ callbackUrl, throttleMinutes }: { callbackUrl: string; throttleMinutes: number }) {
  const t = useTranslations("staff");
  const a = useTranslations("auth.signIn");
  const [step, setStep] = useState<Step>({ kind: "password" });
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  function message(errorCode: string): string {
    switch (errorCode) {
      case "throttled":
        return a("throttled", { minutes: throttleMinutes });
      case "code_required":
        return a("codeRequired");
      case "code_invalid":
        return a("codeInvalid");
      case "unavailable":
        return a("unavailable");
      default:
        return a("invalid");
    }
  }

  /** Null once signed in (the page is leaving), else the error code. */
  async function attempt(credentials: Record<string, string>): Promise<string | null> {
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { ...credentials, redirect: false }).catch(() => undefined);
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
      return null;
    }
    setPending(false);
    return result?.error ?? "unavailable";
  }

  async function onPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const username = String(form.get("username") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!username || !password) return setError(t("required"));
    const failure = await attempt({ username, password });
    if (failure === "code_required") {
      setCode("");
      setStep({ kind: "code", username, password });
    } else if (failure) {
      setError(message(failure));
    }
  }

  async function onCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (step.kind !== "code") return;
    const value = code.trim();
    if (!value) return setError(a("codeRequired"));
    const failure = await attempt({ username: step.username, password: step.password, code: value });
    if (!failure) return;
    if (failure === "code_invalid" || failure === "code_required") {
      setCode("");
      setError(message(failure));
    } else {
      // Locked, deactivated or password changed meanwhile: start again from the first step.
      setStep({ kind: "password" });
      setError(message(failure));
    }
  }

  const alert = <ErrorAlert>{error}</ErrorAlert>;

  if (step.kind === "code") {
    return (
      <form onSubmit={onCode} noValidate className="mt-6 space-y-4" aria-labelledby="code-title">
        <h2 id="code-title" className="text-lg font-bold text-brand-900">
          {a("codeTitle")}
        </h2>
        <p role="status" className="text-slate-700">
          {a("codePrompt", { username: step.username })}
        </p>
        <CodeField
          id="code"
          label={a("codeLabel")}
          hint={a("codeHint")}
          inputRef={focusOnMount}
          value={code}
          onChange={setCode}
          autoComplete="one-time-code"
          autoCapitalize="none"
          maxLength={20}
          required
          invalid={Boolean(error)}
        />
        {alert}
        <button type="submit" disabled={pending} className={primary}>
          {pending ? t("submitting") : a("verify")}
        </button>
        <button
          type="button"
          onClick={() => {
            setStep({ kind: "password" });
            setError(null);
          }}
          className={`w-full ${secondaryButtonClass}`}
        >
          {a("back")}
        </button>
      </form>
    );
  }

  return (
    <form onSubmit={onPassword} noValidate className="mt-6 space-y-4">
      <TextField
        id="username"
        label={t("username")}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
      />
      <TextField id="password" type="password" label={t("password")} autoComplete="current-password" required />
      {alert}
      <button type="submit" disabled={pending} className={primary}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
