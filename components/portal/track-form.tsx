"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormTokenInput } from "@/components/form-token-input.tsx";
import type { TrackFormState } from "@/server/http/portal/form-state.ts";
import { SubmitButton } from "@/components/ui/button.tsx";
import { CodeField } from "@/components/ui/code-field.tsx";

export function TrackForm({
  action,
  locale,
  formToken,
}: {
  action: (s: TrackFormState, fd: FormData) => Promise<TrackFormState>;
  locale: string;
  formToken: string;
}) {
  const t = useTranslations("track");
  const [state, formAction, pending] = useActionState(action, { code: "" });
  return (
    <form
      key={state.error ? `${state.error}:${state.code}` : "new"}
      action={formAction}
      noValidate
      className="mt-6 space-y-4"
    >
      <input type="hidden" name="locale" value={locale} />
      <FormTokenInput token={formToken} />
      <CodeField
        id="code"
        label={t("code")}
        hint={t("codeHint")}
        defaultValue={state.code}
        autoComplete="off"
        autoCapitalize="characters"
        error={state.error ? t(state.error) : undefined}
      />
      <SubmitButton large pending={pending} label={t("submit")} pendingLabel={t("submitting")} />
    </form>
  );
}
