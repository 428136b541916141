"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/staff/trpc.tsx";
import { useOfficeClock } from "../../labels.ts";
import type { ConveneInput, Me } from "../types.ts";
import { MEETING_ROLES } from "../../vocabulary.ts";
import { MutationCard, str, useActionCallbacks, type ActionProps } from "./action-kit.tsx";
import { secondaryButtonClass } from "@/components/ui/button.tsx";
import { SelectField, TextField, inputClass } from "@/components/ui/field.tsx";
import { Fieldset } from "@/components/ui/fieldset.tsx";

type MeetingRole = (typeof MEETING_ROLES)[number];

/** The SOP's meeting: the Kepala Dinas chairs, Tim Telaah and Tim Audit attend. */
function defaultRole(roles: readonly string[], isMe: boolean): MeetingRole | null {
  if (isMe) return "CHAIR";
  return roles.includes("TIM_TELAAH") || roles.includes("TIM_AUDIT") ? "MEMBER" : null;
}

/** Step 4 (Kepala Dinas): date, place, agenda and attendees (staff, and others by name). */
export function ConveneForm({
  caseId,
  onDone,
  me,
  excludedIds,
  proposal,
}: ActionProps & { me: Me; excludedIds: readonly string[]; proposal: Date | null }) {
  const t = useTranslations("caseAction.convene");
  const roleName = useTranslations("caseFile.meetingRole");
  const ws = useTranslations("workspace");
  const trpc = useTRPC();
  const directory = useQuery(trpc.cases.staffDirectory.queryOptions());
  const people = (directory.data ?? []).filter((p) => !excludedIds.includes(p.id));
  const [chosen, setChosen] = useState<Record<string, MeetingRole | null>>({});
  const [external, setExternal] = useState<number[]>([]);
  const [nextKey, setNextKey] = useState(1);
  // The server proposes the next full hour in which a meeting fits inside office hours.
  const clock = useOfficeClock();
  const [startDefault] = useState(() => (proposal ? clock.inputValue(proposal) : ""));
  const [problem, setProblem] = useState<"noAttendee" | "badDate" | null>(null);
  const m = useMutation(trpc.cases.convene.mutationOptions(useActionCallbacks(caseId, onDone, () => t("done"))));
  const roleOf = (id: string, roles: readonly string[]) =>
    id in chosen ? chosen[id]! : defaultRole(roles, id === me.id);

  function input(fd: FormData) {
    const startsAt = clock.instant(str(fd, "startsAt"));
    const attendees: ConveneInput["attendees"] = [
      ...people.flatMap((p) => {
        const role = roleOf(p.id, p.roles);
        return role ? [{ staffUserId: p.id, role }] : [];
      }),
      ...external.map((k) => ({
        name: str(fd, `external-${k}-name`),
        position: str(fd, `external-${k}-position`),
        organization: str(fd, `external-${k}-organization`),
        role: str(fd, `external-${k}-role`) as MeetingRole,
      })),
    ];
    setProblem(!startsAt ? "badDate" : attendees.length === 0 ? "noAttendee" : null);
    if (!startsAt || attendees.length === 0) return null;
    return { caseId, startsAt, place: str(fd, "place"), agenda: str(fd, "agenda"), attendees };
  }

  return (
    <MutationCard
      id="convene"
      title={t("title")}
      problem={problem ? t(problem) : null}
      mutation={m}
      input={input}
      submit={t("submit")}
    >
      <TextField
        id="convene-starts-at"
        name="startsAt"
        type="datetime-local"
        label={t("startsAt")}
        hint={t("startsAtHint")}
        required
        defaultValue={startDefault}
      />
      <TextField
        id="convene-place"
        name="place"
        label={t("place")}
        required
        maxLength={300}
        defaultValue={t("placeDefault")}
      />
      <TextField id="convene-agenda" name="agenda" label={t("agenda")} required rows={3} maxLength={5000} />
      <Fieldset legend={t("staffLegend")} hint={t("staffHint")}>
        {directory.isPending ? <p role="status">{ws("loading")}</p> : null}
        <ul className="space-y-2">
          {people.map((p) => {
            const role = roleOf(p.id, p.roles);
            return (
              <li key={p.id} className="grid gap-2 sm:grid-cols-[1fr_12rem] sm:items-center">
                <div className="flex items-start gap-2">
                  <input
                    id={`convene-staff-${p.id}`}
                    type="checkbox"
                    checked={role !== null}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      setChosen((c) => ({ ...c, [p.id]: on ? "MEMBER" : null }));
                    }}
                    className="mt-1.5 h-4 w-4 shrink-0"
                  />
                  <label htmlFor={`convene-staff-${p.id}`}>
                    {p.name}
                    {p.position ? <span className="block text-sm text-slate-700">{p.position}</span> : null}
                  </label>
                </div>
                <div>
                  <label htmlFor={`convene-role-${p.id}`} className="sr-only">
                    {t("roleOf", { name: p.name })}
                  </label>
                  <select
                    id={`convene-role-${p.id}`}
                    value={role ?? "MEMBER"}
                    disabled={role === null}
                    onChange={(e) => {
                      const value = e.currentTarget.value as MeetingRole;
                      setChosen((c) => ({ ...c, [p.id]: value }));
                    }}
                    className={`${inputClass()} mt-0`}
                  >
                    {MEETING_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {roleName(r)}
                      </option>
                    ))}
                  </select>
                </div>
              </li>
            );
          })}
        </ul>
      </Fieldset>
      <Fieldset legend={t("externalLegend")}>
        {external.map((k, i) => (
          <fieldset key={k} className="grid gap-2 rounded border border-slate-200 p-2 sm:grid-cols-2">
            <legend className="px-1 text-sm font-semibold">{t("externalN", { n: i + 1 })}</legend>
            <TextField
              id={`convene-external-${i + 1}-name`}
              name={`external-${k}-name`}
              label={t("externalName")}
              required
              maxLength={150}
            />
            <TextField
              id={`convene-external-${i + 1}-position`}
              name={`external-${k}-position`}
              label={t("externalPosition")}
              maxLength={200}
            />
            <TextField
              id={`convene-external-${i + 1}-organization`}
              name={`external-${k}-organization`}
              label={t("externalOrganization")}
              maxLength={200}
            />
            <SelectField
              id={`convene-external-${i + 1}-role`}
              name={`external-${k}-role`}
              label={t("externalRole")}
              defaultValue="MEMBER"
              options={MEETING_ROLES.map((r) => [r, roleName(r)] as const)}
            />
            <div className="sm:col-span-2">
              <button
                type="button"
                className={secondaryButtonClass}
                onClick={() => setExternal((e) => e.filter((x) => x !== k))}
              >
                {t("removeExternal", { n: i + 1 })}
              </button>
            </div>
          </fieldset>
        ))}
        <button
          type="button"
          className={secondaryButtonClass}
          onClick={() => {
            setExternal((e) => [...e, nextKey]);
            setNextKey((n) => n + 1);
          }}
        >
          {t("addExternal")}
        </button>
      </Fieldset>
    </MutationCard>
  );
}
