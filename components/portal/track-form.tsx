"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormTokenInput } from "@/components/form-token-input.tsx";
import type { TrackFormState } from "@/server/portal/form-state.ts";
import { SubmitButton } from "@/components/ui/button.tsx";

export function TrackForm({ action, locale, formToken }: { action: (s: TrackFormState, fd: FormData) => Promise<TrackFormState>; locale: string; formToken: string }) {
  const t = useTranslations("track");
  const [state, formAction, pending] = useActionState(action, { code: "" });
  const describedBy = state.error ? "code-hint code-error" : "code-hint";
  return (
    <form key={state.error ? `${state.error}:${state.code}` : "new"} action={formAction} noValidate className="mt-6 space-y-4">
      <input type="hidden" name="locale" value={locale} />
      <FormTokenInput token={formToken} />
      <div>
        <label htmlFor="code" className="block font-semibold">
          {t("code")}
        </label>
        <p id="code-hint" className="text-sm text-slate-700">
          {t("codeHint")}
        </p>
        <input
          id="code"
          name="code"
          defaultValue={state.code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-describedby={describedBy}
          aria-invalid={state.error ? true : undefined}
          className="mt-1 w-full rounded border border-slate-500 px-3 py-2 font-mono text-lg tracking-wider"
        />
        {state.error ? (
          <p id="code-error" role="alert" className="mt-1 text-sm font-semibold text-red-800">
            {t(state.error)}
          </p>
        ) : null}
      </div>
      <SubmitButton large pending={pending} label={t("submit")} pendingLabel={t("submitting")} />
    </form>
  );
}
