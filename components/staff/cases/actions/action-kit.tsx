"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent, type ReactNode } from "react";
import { useTRPC } from "@/components/staff/trpc.tsx";
import { refusalOf } from "../refusal.ts";
import { invalidFields } from "./missing-fields.ts";
import { SubmitButton as KitSubmitButton } from "@/components/ui/button.tsx";
import { ErrorAlert } from "@/components/ui/error-alert.tsx";
import { TextField } from "@/components/ui/field.tsx";

/** After a change: the case, the lists and the agenda books are read again. */
export function useRefreshCase(caseId: string) {
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.cases.get.queryKey({ caseId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.cases.list.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.cases.agenda.pathKey() }),
    ]);
}

/**
 * Mutation callbacks shared by every action: refresh, then report success to the panel. A
 * case that moved on meanwhile (another clerk was faster) is refreshed too, and the panel
 * says so: the form that was used may no longer be offered.
 */
export function useActionCallbacks<T, V = unknown>(
  caseId: string,
  onDone: Notify,
  message: (result: T, variables: V) => string,
) {
  const refresh = useRefreshCase(caseId);
  const ws = useTranslations("workspace");
  return {
    onSuccess: async (result: T, variables: V) => {
      // The message appears once the page shows the new state.
      await refresh();
      onDone(message(result, variables));
    },
    onError: async (error: unknown) => {
      if (refusalOf(error) !== "stale") return;
      await refresh();
      onDone(ws("refusal.stale"), "refused");
    },
  };
}

/** A refusal next to the form; a stale case is reported by the panel instead (see above). */
export function RefusalAlert({ error, id }: { error: unknown; id: string }) {
  const ws = useTranslations("workspace");
  const refusal = error ? refusalOf(error) : null;
  return <ErrorAlert id={id}>{refusal && refusal !== "stale" ? ws(`refusal.${refusal}`) : null}</ErrorAlert>;
}

/** Tells the action panel what happened (shown above the forms, which may change). */
export type Notify = (message: string, kind?: "done" | "refused") => void;

export interface ActionProps {
  caseId: string;
  onDone: Notify;
}

/** One action of the panel: a titled form with its refusal message and buttons. */
function ActionCard({
  id,
  title,
  lead,
  onSubmit,
  error,
  problem,
  children,
  buttons,
}: {
  id: string;
  title: string;
  lead?: ReactNode;
  onSubmit: (fd: FormData, submitter: string | null) => void;
  error: unknown;
  /** What the form's own check found before posting (a date, a missing attendee). */
  problem?: string | null;
  children?: ReactNode;
  buttons: ReactNode;
}) {
  const ws = useTranslations("workspace");
  const [missing, setMissing] = useState<string[]>([]);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const invalid = invalidFields(event.currentTarget);
    setMissing(invalid.map((f) => f.label));
    if (invalid.length > 0) return invalid[0]!.element.focus();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    onSubmit(new FormData(event.currentTarget), submitter?.value || null);
  }
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="space-y-3 rounded border border-slate-300 bg-white p-4"
      data-testid={`action-${id}`}
    >
      <h3 id={`${id}-title`} className="text-lg font-bold text-brand-900">
        {title}
      </h3>
      {lead ? <div className="text-slate-800">{lead}</div> : null}
      <form id={`${id}-form`} onSubmit={submit} noValidate className="space-y-3">
        {children}
        <ErrorAlert>{problem}</ErrorAlert>
        <ErrorAlert id={`${id}-missing`}>
          {missing.length > 0 ? ws("missingFields", { fields: missing.join(", ") }) : null}
        </ErrorAlert>
        <RefusalAlert error={error} id={`${id}-error`} />
        <div className="flex flex-wrap gap-3">{buttons}</div>
      </form>
    </section>
  );
}

/** The kit's submit button, saying "saving…" while the step is sent. */
export function SubmitButton(props: { pending: boolean; label: string; value?: string; secondary?: boolean }) {
  const ws = useTranslations("workspace");
  return <KitSubmitButton {...props} pendingLabel={ws("saving")} />;
}

export const str = (fd: FormData, name: string) => {
  const v = fd.get(name);
  return typeof v === "string" ? v.trim() : "";
};

/**
 * A step's form: the card sends the form's input through its mutation. `input` answers null
 * when the form's own check failed (it shows why in `problem`); `buttons` replaces the one
 * submit button where a form has two (the pressed one's value is `submitter`).
 */
export function MutationCard<V>({
  mutation,
  input,
  submit,
  buttons,
  ...card
}: {
  id: string;
  title: string;
  lead?: ReactNode;
  problem?: string | null;
  children?: ReactNode;
  mutation: { mutate: (input: V) => void; isPending: boolean; error: unknown };
  input: (fd: FormData, submitter: string | null) => V | null;
} & ({ submit: string; buttons?: never } | { buttons: ReactNode; submit?: never })) {
  return (
    <ActionCard
      {...card}
      error={mutation.error}
      onSubmit={(fd, submitter) => {
        const value = input(fd, submitter);
        if (value !== null) mutation.mutate(value);
      }}
      buttons={submit === undefined ? buttons : <SubmitButton pending={mutation.isPending} label={submit} />}
    />
  );
}

/** A long required text that shows what is stored (a draft, the minutes of a meeting). */
export function LongTextField(props: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  rows: number;
  stored: string | undefined | null;
}) {
  const { stored, ...field } = props;
  return <TextField {...field} required maxLength={20000} defaultValue={stored ?? ""} />;
}
