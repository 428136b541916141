"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/staff/trpc.tsx";
import { useOfficeClock, useOfficeDate } from "../../labels.ts";
import type { CaseView } from "../types.ts";
import { LongTextField, MutationCard, str, useActionCallbacks, type ActionProps } from "./action-kit.tsx";
import { TextField } from "@/components/ui/field.tsx";

/** When the meeting really began and ended, with the end of the field's id. */
const TIMES = [
  ["heldFrom", "held-from"],
  ["endsAt", "ends-at"],
] as const;

/** The minutes of the meeting, with the height of their fields. */
const MINUTES = [
  ["discussion", 5],
  ["resolution", 4],
] as const;

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

  function input(fd: FormData) {
    const heldFrom = clock.instant(str(fd, "heldFrom"));
    const endsAt = clock.instant(str(fd, "endsAt"));
    const bad = meetingTimesProblem(heldFrom, endsAt, new Date());
    setBadTimes(bad);
    if (bad) return null;
    return {
      caseId,
      meetingId: meeting.id,
      heldFrom: heldFrom!,
      endsAt: endsAt!,
      discussion: str(fd, "discussion"),
      resolution: str(fd, "resolution"),
    };
  }

  return (
    <MutationCard
      id="outcome"
      title={t("title")}
      lead={t("lead", { date: date(meeting.startsAt), place: meeting.place })}
      problem={badTimes ? t("badTimes") : null}
      mutation={m}
      input={input}
      submit={t("submit")}
    >
      {/* key: after a save the fields show what is stored. */}
      <div className="grid gap-3 sm:grid-cols-2">
        {TIMES.map(([name, id]) => (
          <TextField
            key={`${name}-${String(meeting[name])}`}
            id={`outcome-${id}`}
            name={name}
            type="datetime-local"
            label={t(name)}
            hint={name === "heldFrom" ? t("timesHint", { convened: date(meeting.convenedAt) }) : undefined}
            required
            defaultValue={meeting[name] ? clock.inputValue(meeting[name]) : now}
          />
        ))}
      </div>
      {MINUTES.map(([name, rows]) => (
        <LongTextField
          key={`${name}-${meeting[name] ?? ""}`}
          id={`outcome-${name}`}
          name={name}
          label={t(name)}
          rows={rows}
          stored={meeting[name]}
        />
      ))}
    </MutationCard>
  );
}
