"use client";

/**
 * The emblem on the letterhead (kop surat): preview, upload or replace, remove. The file goes to
 * the server as base64 through tRPC; the server judges it by content and re-encodes it, so the
 * checks here only spare a pointless upload. The preview is a data: URL from the same answer:
 * the page loads no image from anywhere else.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/staff/trpc.tsx";
import { LastChanged } from "./last-changed.tsx";
import { useErrorMessage } from "./error-message.ts";
import { primaryButtonClass } from "@/components/ui/button.tsx";
import { ConfirmButton } from "@/components/ui/confirm-button.tsx";
import { FieldError, FieldHint, FieldLabel, describedBy, inputClass } from "@/components/ui/field.tsx";
import { ErrorAlert } from "@/components/ui/error-alert.tsx";
import { Notice } from "@/components/ui/notice.tsx";

/** The server's limit (server/domain/admin/office-emblem.ts EMBLEM_MAX_BYTES). */
const MAX_BYTES = 1024 * 1024;

/** The file's bytes as base64, without the data: URL prefix. */
function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.readAsDataURL(file);
  });
}

export function EmblemSection() {
  const t = useTranslations("admin.settings.emblem");
  const common = useTranslations("admin.common");
  const errors = useTranslations("admin.errors");
  const format = useFormatter();
  const errorText = useErrorMessage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const emblem = useQuery(trpc.admin.settings.emblem.get.queryOptions());
  // Bumped after an upload: the file input is mounted afresh, empty.
  const [inputKey, setInputKey] = useState(0);
  const [fileError, setFileError] = useState<string | null>(null);
  const [done, setDone] = useState<"uploaded" | "removed" | null>(null);

  const refresh = () => queryClient.invalidateQueries(trpc.admin.settings.emblem.get.queryFilter());
  const upload = useMutation(
    trpc.admin.settings.emblem.set.mutationOptions({
      onSuccess: async () => {
        setDone("uploaded");
        setInputKey((k) => k + 1);
        await refresh();
      },
    }),
  );
  const remove = useMutation(
    trpc.admin.settings.emblem.remove.mutationOptions({
      onSuccess: async () => {
        setDone("removed");
        await refresh();
      },
    }),
  );
  const pending = upload.isPending || remove.isPending;
  const error = upload.error ?? remove.error;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    upload.reset();
    remove.reset();
    const file = new FormData(event.currentTarget).get("emblem");
    // With nothing chosen, browsers send an empty file without a name.
    if (!(file instanceof File) || (file.name === "" && file.size === 0)) return setFileError(t("chooseFile"));
    if (file.size > MAX_BYTES) return setFileError(errors("emblem_too_large"));
    setFileError(null);
    upload.mutate({ base64: await readAsBase64(file) });
  }

  const view = emblem.data;
  return (
    <section aria-labelledby="emblem-title" className="space-y-4 rounded border border-slate-300 p-4">
      <div className="space-y-1">
        <h2 id="emblem-title" className="text-xl font-bold text-brand-900">
          {t("title")}
        </h2>
        <p className="text-slate-700">{t("lead")}</p>
      </div>
      {emblem.isPending ? (
        <p role="status">{common("loading")}</p>
      ) : emblem.error ? (
        <Notice tone="bad" role="alert">
          {errorText(emblem.error)}
        </Notice>
      ) : view?.set ? (
        <figure className="space-y-2">
          <figcaption className="font-semibold">{t("current")}</figcaption>
          {view.preview ? (
            // A data: URL from the server's answer; next/image would add nothing for it.
            // eslint-disable-next-line @next/next/no-img-element
            <img
              src={view.preview}
              alt={t("previewAlt")}
              className="h-40 w-auto max-w-full rounded border border-slate-300 bg-white object-contain p-1"
              data-testid="emblem-preview"
            />
          ) : (
            <Notice tone="bad" role="alert">
              {t("noPreview")}
            </Notice>
          )}
          <p className="text-sm text-slate-700">
            {t("details", {
              width: view.width ?? "?",
              height: view.height ?? "?",
              size: format.number(view.size / 1024, { maximumFractionDigits: 1 }),
            })}{" "}
            <LastChanged at={view.updatedAt} by={view.updatedBy} />
          </p>
        </figure>
      ) : (
        <p className="text-slate-700">{t("none")}</p>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate className="space-y-4">
        <div>
          <FieldLabel htmlFor="emblem-file">{t("file")}</FieldLabel>
          <FieldHint id="emblem-file">{t("fileHint")}</FieldHint>
          <input
            key={inputKey}
            id="emblem-file"
            name="emblem"
            type="file"
            accept="image/png,image/jpeg"
            aria-describedby={describedBy("emblem-file", t("fileHint"), fileError)}
            aria-invalid={fileError ? true : undefined}
            className={inputClass(Boolean(fileError))}
            onChange={() => setFileError(null)}
          />
          <FieldError id="emblem-file" error={fileError} />
        </div>
        <ErrorAlert>{error ? errorText(error) : null}</ErrorAlert>
        {done ? (
          <Notice tone="good" role="status">
            {t(done)}
          </Notice>
        ) : null}
        <div className="flex flex-wrap items-start gap-3">
          <button type="submit" disabled={pending} className={primaryButtonClass}>
            {upload.isPending ? t("uploading") : view?.set ? t("replace") : t("upload")}
          </button>
          {view?.set ? (
            <ConfirmButton
              label={t("remove")}
              question={t("removeQuestion")}
              disabled={pending}
              onConfirm={() => {
                setDone(null);
                upload.reset();
                remove.mutate();
              }}
            />
          ) : null}
        </div>
      </form>
    </section>
  );
}
