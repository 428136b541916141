"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/staff/trpc.tsx";
import type { CaseView, DraftInput } from "../types.ts";
import { LongTextField, MutationCard, str, SubmitButton, useActionCallbacks, type ActionProps } from "./action-kit.tsx";
import { Notice } from "@/components/ui/notice.tsx";

type Draft = CaseView["drafts"][number] | undefined;

/** Each draft's form: its id, its texts' namespace, and its text fields with their height. */
const DRAFTS = {
  BERITA_ACARA: {
    id: "berita-acara",
    ns: "beritaAcara",
    fields: [
      ["considerations", 6],
      ["decisions", 5],
    ],
  },
  TANGGAPAN: { id: "tanggapan", ns: "tanggapan", fields: [["body", 8]] },
} as const;

/**
 * Step 5 (Tim Audit drafts the Berita Acara) and step 6 (Sekretariat, Tim Telaah or Tim
 * Audit draft the Tanggapan): save, or hand to the Kepala Dinas for approval.
 */
export function DraftForm({
  caseId,
  onDone,
  type,
  draft,
}: ActionProps & { type: "BERITA_ACARA" | "TANGGAPAN"; draft: Draft }) {
  const t = useTranslations("caseAction");
  const trpc = useTRPC();
  const m = useMutation(
    trpc.cases.saveDraft.mutationOptions(
      useActionCallbacks(caseId, onDone, (_: unknown, v: { submit: boolean }) =>
        v.submit ? t("draft.submitted") : t("draft.saved"),
      ),
    ),
  );
  const { id, ns, fields } = DRAFTS[type];
  const content = draft?.content ?? {};
  const version = `${draft?.status ?? "new"}-${draft?.submittedAt?.getTime() ?? 0}-${JSON.stringify(content).length}`;

  // Spelt out per type (not built from DRAFTS) so the type check catches a misspelt field.
  function input(fd: FormData, submitter: string | null): DraftInput {
    const submit = submitter === "submit";
    return type === "BERITA_ACARA"
      ? {
          caseId,
          type,
          submit,
          content: { considerations: str(fd, "considerations"), decisions: str(fd, "decisions") },
        }
      : { caseId, type, submit, content: { body: str(fd, "body") } };
  }

  return (
    <MutationCard
      id={id}
      title={t(`${ns}.title`)}
      mutation={m}
      input={input}
      buttons={
        <>
          <SubmitButton pending={m.isPending} label={t("draft.save")} value="save" secondary />
          <SubmitButton pending={m.isPending} label={t("draft.submit")} value="submit" />
        </>
      }
    >
      {draft?.status === "RETURNED" && draft.returnNote ? (
        <Notice tone="warn">
          <span className="whitespace-pre-line">{t("draft.returned", { note: draft.returnNote })}</span>
        </Notice>
      ) : null}
      {fields.map(([name, rows]) => (
        <LongTextField
          key={`${name}-${version}`}
          id={`${id}-${name}`}
          name={name}
          label={t(`${ns}.${name}`)}
          hint={name === "body" ? t("tanggapan.bodyHint") : undefined}
          rows={rows}
          stored={content[name]}
        />
      ))}
    </MutationCard>
  );
}
