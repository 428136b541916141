"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/components/staff/trpc.tsx";
import { EMPTY_USER, UserForm, type RoleName, type UserFormValues } from "./user-form.tsx";
import { useErrorMessage } from "./error-message.ts";
import { primaryButtonClass, secondaryButtonClass } from "@/components/ui/button.tsx";
import { ConfirmButton } from "@/components/ui/confirm-button.tsx";
import { ErrorAlert } from "@/components/ui/error-alert.tsx";
import { Notice, OUTCOME } from "@/components/ui/notice.tsx";
import { HeadedSection } from "@/components/ui/headed-section.tsx";

/** A password shown once, after creating an account or resetting its password. */
function OnePassword({
  username,
  password,
  onDone,
  level,
}: {
  username: string;
  password: string;
  onDone: () => void;
  level: 2 | 4;
}) {
  const t = useTranslations("admin.users");
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const Heading = level === 2 ? "h2" : "h4";
  return (
    <section
      aria-labelledby="one-password-title"
      className="space-y-3 rounded border-2 border-amber-accent bg-amber-50 p-4"
    >
      <Heading id="one-password-title" ref={headingRef} tabIndex={-1} className="text-lg font-bold text-brand-900">
        {t("passwordTitle", { username })}
      </Heading>
      <p className="break-all rounded bg-white px-3 py-2 font-mono text-xl tracking-wider" translate="no">
        {password}
      </p>
      <p className="text-sm text-slate-800">{t("passwordOnce")}</p>
      <button type="button" className={primaryButtonClass} onClick={onDone}>
        {t("passwordDone")}
      </button>
    </section>
  );
}

export function UsersAdmin({ meId }: { meId: string }) {
  const t = useTranslations("admin.users");
  const common = useTranslations("admin.common");
  const roleName = useTranslations("roles");
  const format = useFormatter();
  const errorText = useErrorMessage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const users = useQuery(trpc.admin.users.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries(trpc.admin.users.list.queryFilter());

  const [creating, setCreating] = useState(false);
  const [createKey, setCreateKey] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ userId: string | null; kind: "success" | "error"; text: string } | null>(null);
  const [shownPassword, setShownPassword] = useState<{ userId: string; username: string; password: string } | null>(
    null,
  );

  const create = useMutation(
    trpc.admin.users.create.mutationOptions({
      onSuccess: ({ user, password }) => {
        setCreating(false);
        setCreateKey((k) => k + 1);
        setShownPassword({ userId: user.id, username: user.username, password });
        setNotice({ userId: null, kind: "success", text: t("created", { username: user.username }) });
        void refresh();
      },
    }),
  );
  const update = useMutation(
    trpc.admin.users.update.mutationOptions({
      onSuccess: (user) => {
        setNotice({ userId: user.id, kind: "success", text: t("updated", { username: user.username }) });
        void refresh();
      },
    }),
  );
  const onActionError = (userId: string) => (error: { message: string; data?: { code?: string } | null }) =>
    setNotice({ userId, kind: "error", text: errorText(error) ?? "" });
  const setActive = useMutation(
    trpc.admin.users.setActive.mutationOptions({
      onSuccess: (user) => {
        setNotice({
          userId: user.id,
          kind: "success",
          text: t(user.active ? "reactivated" : "deactivated", { username: user.username }),
        });
        void refresh();
      },
      onError: (error, input) => onActionError(input.id)(error),
    }),
  );
  const resetFactor = useMutation(
    trpc.admin.users.resetSecondFactor.mutationOptions({
      onSuccess: (user) => {
        setNotice({ userId: user.id, kind: "success", text: t("factorReset", { username: user.username }) });
        void refresh();
      },
      onError: (error, input) => onActionError(input.id)(error),
    }),
  );
  const resetPassword = useMutation(
    trpc.admin.users.resetPassword.mutationOptions({
      onSuccess: ({ user, password }) => {
        setNotice(null);
        setShownPassword({ userId: user.id, username: user.username, password });
        void refresh();
      },
      onError: (error, input) => onActionError(input.id)(error),
    }),
  );
  // Opening the form puts the cursor in its first field.
  useEffect(() => {
    if (creating) document.getElementById("new-user-username")?.focus();
  }, [creating]);
  const busy = setActive.isPending || resetFactor.isPending || resetPassword.isPending;

  const toInput = (v: UserFormValues) => ({
    name: v.name,
    nip: v.nip,
    rankGrade: v.rankGrade,
    position: v.position,
    roles: v.roles,
  });

  return (
    <div className="space-y-8">
      {shownPassword && shownPassword.userId !== editing ? (
        <OnePassword {...shownPassword} level={2} onDone={() => setShownPassword(null)} />
      ) : null}
      {notice && notice.userId === null ? <Notice {...OUTCOME[notice.kind]}>{notice.text}</Notice> : null}

      <HeadedSection id="add-user-title" title={t("addTitle")} className="space-y-3" size="medium">
        <p className="text-sm text-slate-700">{t("passwordNote")}</p>
        {creating ? (
          <UserForm
            key={createKey}
            idPrefix="new-user"
            mode="create"
            initial={EMPTY_USER}
            pending={create.isPending}
            error={create.error}
            errorText={errorText(create.error)}
            onSubmit={(v) => create.mutate({ ...toInput(v), username: v.username })}
            onCancel={() => {
              setCreating(false);
              create.reset();
            }}
          />
        ) : (
          <button type="button" className={primaryButtonClass} onClick={() => setCreating(true)}>
            {t("add")}
          </button>
        )}
      </HeadedSection>

      <HeadedSection id="user-list-title" title={t("listTitle")} className="space-y-3" size="medium">
        {users.isPending ? <p role="status">{common("loading")}</p> : null}
        <ErrorAlert>{users.error ? errorText(users.error) : null}</ErrorAlert>
        {users.data ? <p className="text-sm text-slate-700">{t("count", { count: users.data.length })}</p> : null}
        <ul className="space-y-3">
          {users.data?.map((user) => {
            const isSelf = user.id === meId;
            const open = editing === user.id;
            const locked = user.lockedUntil && user.lockedUntil > new Date();
            return (
              <li
                key={user.id}
                className={`rounded border p-4 ${user.active ? "border-slate-300" : "border-slate-300 bg-slate-100"}`}
              >
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="min-w-0 space-y-1">
                    <h3 className="font-bold break-words text-brand-900">
                      {user.name}
                      {isSelf ? (
                        <span className="ml-2 rounded bg-brand-100 px-2 py-0.5 text-xs font-semibold text-brand-900">
                          {t("you")}
                        </span>
                      ) : null}
                    </h3>
                    <p className="text-sm break-words text-slate-800">
                      <span className="font-mono">{user.username}</span> · {user.nip ?? t("nipNone")}
                    </p>
                    <p className="text-sm break-words text-slate-800">
                      {user.position}
                      {user.rankGrade ? ` · ${user.rankGrade}` : ""}
                    </p>
                    <p className="text-sm">
                      <span className="font-semibold">{t("roles")}:</span>{" "}
                      {user.roles.map((r) => roleName(r)).join(", ")}
                    </p>
                    <ul className="flex flex-wrap gap-2 text-xs">
                      <li
                        className={`rounded px-2 py-0.5 font-semibold ${user.active ? "bg-brand-100 text-brand-900" : "bg-slate-300 text-slate-900"}`}
                      >
                        {user.active ? t("active") : t("inactive")}
                      </li>
                      <li
                        className={`rounded px-2 py-0.5 ${user.totpEnrolledAt ? "bg-brand-50 text-brand-900" : "bg-amber-100 text-amber-950"}`}
                      >
                        {user.totpEnrolledAt ? t("totpEnrolled") : t("totpMissing")}
                      </li>
                      {user.mustChangePassword ? (
                        <li className="rounded bg-amber-100 px-2 py-0.5 text-amber-950">{t("mustChange")}</li>
                      ) : null}
                      {locked ? (
                        <li className="rounded bg-red-100 px-2 py-0.5 text-red-900">
                          {t("locked", {
                            time: format.dateTime(user.lockedUntil!, { timeStyle: "short", dateStyle: "medium" }),
                          })}
                        </li>
                      ) : null}
                      <li className="rounded bg-slate-100 px-2 py-0.5 text-slate-800">
                        {user.lastLoginAt
                          ? t("lastLogin", {
                              time: format.dateTime(user.lastLoginAt, { dateStyle: "medium", timeStyle: "short" }),
                            })
                          : t("neverLoggedIn")}
                      </li>
                    </ul>
                  </div>
                  <button
                    type="button"
                    className={secondaryButtonClass}
                    aria-expanded={open}
                    aria-controls={`edit-${user.id}`}
                    aria-label={open ? t("close") : t("editTitle", { name: user.name })}
                    onClick={() => {
                      setEditing(open ? null : user.id);
                      update.reset();
                      setNotice(null);
                    }}
                  >
                    {open ? t("close") : t("edit")}
                  </button>
                </div>

                {notice && notice.userId === user.id && !open ? (
                  <div className="mt-3">
                    <Notice {...OUTCOME[notice.kind]}>{notice.text}</Notice>
                  </div>
                ) : null}

                {open ? (
                  <div id={`edit-${user.id}`} className="mt-4 space-y-6 border-t border-slate-300 pt-4">
                    <h4 className="sr-only">{t("editTitle", { name: user.name })}</h4>
                    {notice && notice.userId === user.id ? (
                      <Notice {...OUTCOME[notice.kind]}>{notice.text}</Notice>
                    ) : null}
                    {shownPassword && shownPassword.userId === user.id ? (
                      <OnePassword {...shownPassword} level={4} onDone={() => setShownPassword(null)} />
                    ) : null}
                    <UserForm
                      key={`${user.id}-${user.name}-${user.roles.join()}`}
                      idPrefix={`user-${user.id}`}
                      mode="edit"
                      isSelf={isSelf}
                      initial={{
                        username: user.username,
                        nip: user.nip ?? "",
                        name: user.name,
                        rankGrade: user.rankGrade ?? "",
                        position: user.position,
                        roles: user.roles as RoleName[],
                      }}
                      pending={update.isPending}
                      error={update.error}
                      errorText={errorText(update.error)}
                      onSubmit={(v) => update.mutate({ id: user.id, ...toInput(v) })}
                      onCancel={() => setEditing(null)}
                    />
                    <div role="group" aria-labelledby={`actions-${user.id}`} className="space-y-3">
                      <h5 id={`actions-${user.id}`} className="font-semibold">
                        {t("actionsTitle")}
                      </h5>
                      <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-start">
                        {user.active ? (
                          isSelf ? (
                            <p className="text-sm text-slate-700">{t("selfDeactivateHint")}</p>
                          ) : (
                            <ConfirmButton
                              label={t("deactivate")}
                              question={t("deactivateConfirm", { username: user.username })}
                              disabled={busy}
                              onConfirm={() => setActive.mutate({ id: user.id, active: false })}
                            />
                          )
                        ) : (
                          <button
                            type="button"
                            className={secondaryButtonClass}
                            disabled={busy}
                            onClick={() => setActive.mutate({ id: user.id, active: true })}
                          >
                            {t("reactivate")}
                          </button>
                        )}
                        <ConfirmButton
                          label={t("resetFactor")}
                          question={t("resetFactorConfirm", { username: user.username })}
                          disabled={busy}
                          onConfirm={() => resetFactor.mutate({ id: user.id })}
                        />
                        <ConfirmButton
                          label={t("resetPassword")}
                          question={t("resetPasswordConfirm", { username: user.username })}
                          disabled={busy}
                          onConfirm={() => resetPassword.mutate({ id: user.id })}
                        />
                      </div>
                    </div>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      </HeadedSection>
    </div>
  );
}
