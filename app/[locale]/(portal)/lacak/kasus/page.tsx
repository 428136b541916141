import { getTimeZone, getTranslations, setRequestLocale } from "next-intl/server";
import { FormTokenInput } from "@/components/form-token-input.tsx";
import { formatOfficeDate } from "@/lib/zoned-time.ts";
import { ReplyForm } from "@/components/portal/reply-form.tsx";
import { CASE_PAGE_PATH, ReplyFormTexts } from "@/components/portal/reply-form-texts.tsx";
import { getDb } from "@/server/db.ts";
import { env } from "@/server/env.ts";
import { MESSAGE_MAX } from "@/server/domain/reporter/case-actions.ts";
import { reporterPageView } from "@/server/domain/reporter/case-view.ts";
import { formTokenFor, idempotencyKeyForView, reporterToken } from "@/server/http/portal/request-context.ts";
import { acknowledge, sendMessage, signOut } from "../actions.ts";
import { localePath } from "@/i18n/routing.ts";
import { whenAvailable } from "@/server/db-outage/when-available.ts";
import { withOutagePage } from "@/components/outage-page.tsx";
import { PageSection } from "@/components/ui/page-section.tsx";
import { largeButtonClass, secondaryButtonClass } from "@/components/ui/button.tsx";
import { TextLink } from "@/components/ui/text-link.tsx";
import { HeadedSection } from "@/components/ui/headed-section.tsx";

const UNAVAILABLE = Symbol("database unavailable");

/** The reporter's reply form, empty; during an outage it shows only a reply that came back unsaved. */
async function replyForm(locale: string, { onlyAfterPost = false } = {}) {
  return (
    <ReplyFormTexts locale={locale}>
      <ReplyForm
        action={sendMessage}
        locale={locale}
        initial={{ body: "", errors: {}, idempotencyKey: await idempotencyKeyForView(), attempt: 0 }}
        max={MESSAGE_MAX}
        formToken={await formTokenFor("reply")}
        permalink={localePath(locale, CASE_PAGE_PATH)}
        onlyAfterPost={onlyAfterPost}
      />
    </ReplyFormTexts>
  );
}

async function CasePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("case");
  const home = await getTranslations("home");
  const view = await whenAvailable(
    async () => reporterPageView(await getDb(), env().secrets.masterKey, await reporterToken()),
    UNAVAILABLE,
  );
  if (view === UNAVAILABLE) {
    // The case cannot be read now; a reply that could not be saved comes back as typed.
    const outage = await getTranslations("outage");
    return (
      <PageSection id="outage-title" className="max-w-3xl" title={outage("title")} lead={outage("body")}>
        {await replyForm(locale, { onlyAfterPost: true })}
      </PageSection>
    );
  }
  if (!view) {
    return (
      <PageSection
        id="expired"
        className="max-w-xl"
        title={(await getTranslations("track"))("title")}
        lead={t("expired")}
      >
        <p className="mt-4">
          <TextLink href="/lacak">{t("openTrack")}</TextLink>
        </p>
      </PageSection>
    );
  }
  const timeZone = await getTimeZone();
  const date = (d: Date) => formatOfficeDate(d, locale, timeZone);

  return (
    <div className="space-y-10">
      <section aria-labelledby="case-title">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <h1 id="case-title" className="text-3xl font-bold text-brand-900">
            {t("title", { reference: view.reference })}
          </h1>
          <form action={signOut}>
            <input type="hidden" name="locale" value={locale} />
            <FormTokenInput token={await formTokenFor("signOut")} />
            <button type="submit" aria-describedby="sign-out-hint" className={secondaryButtonClass}>
              {t("signOut")}
            </button>
            <p id="sign-out-hint" className="mt-1 text-xs text-slate-700">
              {t("signOutHint")}
            </p>
          </form>
        </div>
        <dl className="mt-4 grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">{t("status")}</dt>
          <dd data-testid="case-status">{t(`statusName.${view.status}`)}</dd>
          <dt className="font-semibold">{t("category")}</dt>
          <dd>{home(`categories.${view.category}`)}</dd>
          <dt className="font-semibold">{t("submittedAt")}</dt>
          <dd>{date(view.submittedAt)}</dd>
        </dl>
        {view.destroyedAt ? (
          <p
            role="status"
            data-testid="case-destroyed"
            className="mt-4 rounded border-2 border-slate-600 bg-slate-50 p-3 font-semibold"
          >
            {t("destroyed", { date: date(view.destroyedAt) })}
          </p>
        ) : null}
        {view.status === "AWAITING_INFO" ? (
          <p role="status" className="mt-4 rounded border-2 border-amber-600 bg-amber-50 p-3 font-semibold">
            {t("infoNeeded")}
          </p>
        ) : null}
      </section>

      <HeadedSection id="steps-title" title={t("stepsTitle")}>
        <ol className="mt-4 space-y-2">
          {view.steps.map((s) => (
            <li
              key={s.step}
              className={`flex gap-3 rounded border p-3 ${s.doneAt ? "border-brand-700 bg-brand-50" : "border-slate-300"}`}
            >
              <span
                aria-hidden="true"
                className={`flex h-7 w-7 shrink-0 items-center justify-center rounded-full font-bold ${s.doneAt ? "bg-brand-700 text-white" : "bg-slate-200"}`}
              >
                {s.step}
              </span>
              <span>
                <span className="block">{home(`steps.${s.step}`)}</span>
                <span className="block text-sm text-slate-700">
                  {s.doneAt ? t("stepDone", { date: date(s.doneAt) }) : t("stepPending")}
                </span>
              </span>
            </li>
          ))}
        </ol>
        {view.events.length > 0 ? (
          <ul className="mt-3 list-disc pl-6 text-sm">
            {view.events.map((e, i) => (
              <li key={i}>{t(`event.${e.status as "AWAITING_INFO" | "ESCALATED"}`, { date: date(e.at) })}</li>
            ))}
          </ul>
        ) : null}
      </HeadedSection>

      {/* Destroyed under the retention rule: no response or messages are left to show. */}
      {view.destroyedAt ? null : (
        <>
          <HeadedSection id="response-title" title={t("responseTitle")}>
            {view.response ? (
              <div className="mt-3 space-y-3">
                <p className="text-sm text-slate-700">{t("responseSent", { date: date(view.response.sentAt) })}</p>
                {view.responseLetter ? (
                  <p>
                    {/* A plain link: the download works without JavaScript. */}
                    <a
                      href={`/api/portal/letter/${view.responseLetter.id}`}
                      download
                      className={`inline-block underline ${secondaryButtonClass}`}
                      data-testid="response-letter"
                    >
                      {t("responseLetter")}
                    </a>
                    <span className="mt-1 block text-sm text-slate-700">
                      {t("responseLetterHint", { number: view.responseLetter.number ?? "-" })}
                    </span>
                  </p>
                ) : null}
                <div className="whitespace-pre-line rounded border border-slate-300 p-4" data-testid="response-body">
                  {view.response.body}
                </div>
                {view.canAcknowledge ? (
                  <form action={acknowledge}>
                    <input type="hidden" name="locale" value={locale} />
                    <FormTokenInput token={await formTokenFor("acknowledge")} />
                    <button type="submit" className={largeButtonClass}>
                      {t("acknowledge")}
                    </button>
                  </form>
                ) : view.status === "RESPONSE_RECEIVED" || view.status === "ARCHIVED" ? (
                  <p role="status" className="font-semibold text-brand-800">
                    {t("acknowledged")}
                  </p>
                ) : null}
              </div>
            ) : (
              <p className="mt-3">{t("responsePending", { date: date(view.responseDueAt) })}</p>
            )}
          </HeadedSection>

          <HeadedSection id="messages-title" title={t("messagesTitle")}>
            <ol className="mt-4 space-y-3" data-testid="messages">
              <li className="rounded border border-slate-300 bg-slate-50 p-3">
                <p className="text-sm font-semibold">{t("fromOffice")}</p>
                <p className="mt-1">{t("welcome")}</p>
              </li>
              {view.messages.map((m) => (
                <li
                  key={m.id}
                  className={`rounded border p-3 ${m.fromOffice ? "border-slate-300 bg-slate-50" : "border-brand-700 bg-white sm:ml-8"}`}
                >
                  <p className="text-sm font-semibold">
                    {m.fromOffice ? t("fromOffice") : t("fromYou")} · {date(m.at)}
                    {/* The separator is read aloud too: "…pukul 15.37 · Permintaan informasi", not run together. */}
                    {m.isInfoRequest ? (
                      <>
                        <span className="sr-only"> · </span>
                        <span
                          className="ml-2 rounded bg-amber-200 px-2 py-0.5 text-xs text-amber-950"
                          data-testid="info-request-badge"
                        >
                          {t("infoRequest")}
                        </span>
                      </>
                    ) : null}
                  </p>
                  <p className="mt-1 whitespace-pre-line break-words">{m.body}</p>
                  {m.files.length > 0 ? (
                    <ul className="mt-2 text-sm" aria-label={t("attachments")}>
                      {m.files.map((f) =>
                        m.fromOffice ? (
                          <li key={f.id}>
                            <a href={`/api/portal/attachment/${f.id}`} className="text-brand-700 underline">
                              {t("download")}: {f.name}
                            </a>
                          </li>
                        ) : (
                          <li key={f.id}>{f.name}</li>
                        ),
                      )}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ol>
            {view.canReply ? await replyForm(locale) : <p className="mt-4">{t("closed")}</p>}
          </HeadedSection>
        </>
      )}
    </div>
  );
}

// A database outage shows the outage page (status 503), also without JavaScript.
export default withOutagePage(CasePage);
