"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/staff/trpc.tsx";
import { useOfficeClock, useOfficeDate } from "../../labels.ts";
import type { CaseView } from "../types.ts";
import { ActionCard, str, SubmitButton, useActionCallbacks, type ActionProps } from "./action-kit.tsx";
import { TextField } from "@/components/ui/field.tsx";
import { Notice } from "@/components/ui/notice.tsx";

/** The recorded start and end as the server will check them (it checks again, to the minute). */
export function meetingTimesProblem(heldFrom: Date | null, endsAt: Date | null, now: Date): boolean {
  if (!heldFrom || !endsAt) return true;
  const skew = 60_000;
  return endsAt < heldFrom || heldFrom.getTime() > now.getTime() + skew || endsAt.getTime() > now.getTime() + skew;
}

/**
 * Step 4 held (Kepala Dinas or Tim Audit): when it really began and ended (default now),
 * what was discussed and the technical resolution.
 */
export function OutcomeForm({ caseId, onDone, meeting }: ActionProps & { meeting: CaseView["meetings"][number] }) {
  const t = useTranslations("caseAction.outcome");
  const date = useOfficeDate();
  const trpc = useTRPC();
  const m = useMutation(trpc.cases.meetingOutcome.mutationOptions(useActionCallbacks(caseId, onDone, () => t("done"))));
  const clock = useOfficeClock();
  const [now] = useState(() => clock.inputValue(new Date()));
  const [badTimes, setBadTimes] = useState(false);

  function submit(fd: FormData) {
    const heldFrom = clock.instant(str(fd, "heldFrom"));
    const endsAt = clock.instant(str(fd, "endsAt"));
    if (meetingTimesProblem(heldFrom, endsAt, new Date())) return setBadTimes(true);
    setBadTimes(false);
    m.mutate({
      caseId,
      meetingId: meeting.id,
      heldFrom: heldFrom!,
      endsAt: endsAt!,
      discussion: str(fd, "discussion"),
      resolution: str(fd, "resolution"),
    });
  }

  const hint = t("timesHint", { convened: date(meeting.convenedAt) });
  return (
    <ActionCard
      id="outcome"
      title={t("title")}
      lead={t("lead", { date: date(meeting.startsAt), place: meeting.place })}
      error={m.error}
      onSubmit={submit}
      buttons={<SubmitButton pending={m.isPending} label={t("submit")} />}
    >
      {/* key: after a save the fields show what is stored. */}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          key={`f-${String(meeting.heldFrom)}`}
          id="outcome-held-from"
          name="heldFrom"
          type="datetime-local"
          label={t("heldFrom")}
          hint={hint}
          required
          defaultValue={meeting.heldFrom ? clock.inputValue(meeting.heldFrom) : now}
        />
        <TextField
          key={`e-${String(meeting.endsAt)}`}
          id="outcome-ends-at"
          name="endsAt"
          type="datetime-local"
          label={t("endsAt")}
          required
          defaultValue={meeting.endsAt ? clock.inputValue(meeting.endsAt) : now}
        />
      </div>
      {badTimes ? (
        <Notice tone="bad" role="alert">
          {t("badTimes")}
        </Notice>
      ) : null}
      <TextField
        key={`d-${meeting.discussion ?? ""}`}
        id="outcome-discussion"
        name="discussion"
        label={t("discussion")}
        required
        rows={5}
        maxLength={20000}
        defaultValue={meeting.discussion ?? ""}
      />
      <TextField
        key={`r-${meeting.resolution ?? ""}`}
        id="outcome-resolution"
        name="resolution"
        label={t("resolution")}
        required
        rows={4}
        maxLength={20000}
        defaultValue={meeting.resolution ?? ""}
      />
    </ActionCard>
  );
}
