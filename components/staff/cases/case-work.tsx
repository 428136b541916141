"use client";

import { useTranslations } from "next-intl";
import { useOfficeDate } from "../labels.ts";
import type { CaseView } from "./types.ts";
import { Badge } from "@/components/ui/badge.tsx";
import { Facts } from "@/components/ui/facts.tsx";
import { HeadedSection } from "@/components/ui/headed-section.tsx";

const Block = ({ text }: { text: string | null | undefined }) => (
  <span className="break-words whitespace-pre-line">{text}</span>
);

/** The review (step 3). */
export function CaseReview({ review }: { review: NonNullable<CaseView["review"]> }) {
  const t = useTranslations("caseFile");
  const ws = useTranslations("workspace");
  const yesNo = (b: boolean | null) => (b === null ? ws("none") : b ? ws("yes") : ws("no"));
  return (
    <HeadedSection id="review-record-title" title={t("reviewTitle")} className="space-y-3" size="medium">
      <Facts
        items={[
          [t("isComplete"), yesNo(review.isComplete)],
          [t("inScope"), yesNo(review.inScope)],
          [
            t("elements"),
            <ul key="e" className="flex flex-wrap gap-2">
              {(["what", "who", "where", "when", "how"] as const).map((e) => (
                <li key={e}>
                  <Badge tone={review.elements[e] ? "good" : "bad"}>
                    {t(`element.${e}`)}: {review.elements[e] ? t("present") : t("missing")}
                  </Badge>
                </li>
              ))}
            </ul>,
          ],
          [t("summary"), <Block key="s" text={review.summary} />],
          ...(review.notes ? [[t("notes"), <Block key="n" text={review.notes} />] as [string, React.ReactNode]] : []),
          [t("recommendation"), t(`rec.${review.recommendation}`)],
          ...(review.explanation
            ? [[t("explanation"), <Block key="x" text={review.explanation} />] as [string, React.ReactNode]]
            : []),
        ]}
      />
    </HeadedSection>
  );
}

/** The meetings (step 4): when, where, who, agenda, discussion, resolution. */
export function CaseMeetings({ meetings }: { meetings: CaseView["meetings"] }) {
  const t = useTranslations("caseFile");
  const date = useOfficeDate();
  return (
    <HeadedSection id="meetings-title" title={t("meetingsTitle")} className="space-y-3" size="medium">
      {meetings.map((m) => (
        <article key={m.id} className="space-y-2 rounded border border-slate-300 p-3">
          <h3 className="font-bold">{t("meetingAt", { date: date(m.heldFrom ?? m.startsAt) })}</h3>
          <Facts
            items={[
              [t("scheduledAt"), date(m.startsAt)],
              ...(m.heldFrom ? [[t("heldFrom"), date(m.heldFrom)] as [string, React.ReactNode]] : []),
              [t("place"), m.place],
              [t("agenda"), <Block key="a" text={m.agenda} />],
              [
                t("attendees"),
                <ul key="p" className="list-disc pl-5">
                  {m.attendees.map((a, i) => (
                    <li key={i}>
                      {a.name}
                      {[a.position, a.organization].filter(Boolean).length
                        ? ` — ${[a.position, a.organization].filter(Boolean).join(", ")}`
                        : ""}{" "}
                      ({t(`meetingRole.${a.role}`)})
                    </li>
                  ))}
                </ul>,
              ],
              ...(["discussion", "resolution"] as const).map((part): [string, React.ReactNode] => [
                t(part),
                m[part] ? (
                  <Block key={part} text={m[part]} />
                ) : (
                  <span key={part} className="text-slate-600">
                    {t("notYet")}
                  </span>
                ),
              ]),
              ...(m.endsAt && m.discussion ? [[t("endsAt"), date(m.endsAt)] as [string, React.ReactNode]] : []),
            ]}
          />
        </article>
      ))}
    </HeadedSection>
  );
}

/** The Berita Acara and Tanggapan as drafted, with their approval state. */
export function CaseDrafts({ drafts }: { drafts: CaseView["drafts"] }) {
  const t = useTranslations("caseFile");
  const date = useOfficeDate();
  const order = ["BERITA_ACARA", "TANGGAPAN"];
  return (
    <HeadedSection id="drafts-title" title={t("draftsTitle")} className="space-y-3" size="medium">
      {drafts.length === 0 ? <p>{t("noDrafts")}</p> : null}
      {[...drafts]
        .sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type))
        .map((d) => (
          <article
            key={d.type}
            className="space-y-2 rounded border border-slate-300 p-3"
            data-testid={`draft-${d.type}`}
          >
            <h3 className="font-bold">{t(`draftType.${d.type as "BERITA_ACARA" | "TANGGAPAN"}`)}</h3>
            <p>
              <Badge tone={d.status === "APPROVED" ? "good" : d.status === "RETURNED" ? "warn" : "info"}>
                {t(`draftStatus.${d.status}`)}
              </Badge>
            </p>
            <Facts
              items={[
                ...(d.type === "BERITA_ACARA"
                  ? ([
                      [t("considerations"), <Block key="c" text={d.content.considerations} />],
                      [t("decisions"), <Block key="d" text={d.content.decisions} />],
                    ] as [string, React.ReactNode][])
                  : ([[t("body"), <Block key="b" text={d.content.body} />]] as [string, React.ReactNode][])),
                ...(d.status === "RETURNED" && d.returnNote
                  ? [[t("returnNote"), <Block key="r" text={d.returnNote} />] as [string, React.ReactNode]]
                  : []),
              ]}
            />
            {d.sentAt ? (
              <p className="text-sm">
                {t("sentAt", {
                  date: date(d.sentAt),
                  method: d.deliveryMethod ? t(`deliveredBy.${d.deliveryMethod}`) : "",
                })}
              </p>
            ) : null}
          </article>
        ))}
    </HeadedSection>
  );
}

/** Staff excluded from this case for a conflict of interest. */
export function CaseExclusions({ excluded }: { excluded: CaseView["excluded"] }) {
  const t = useTranslations("caseFile");
  return (
    <HeadedSection id="excluded-title" title={t("excludedTitle")} className="space-y-3" size="medium">
      {excluded.length === 0 ? (
        <p>{t("noExcluded")}</p>
      ) : (
        <ul className="list-disc pl-5" data-testid="excluded">
          {excluded.map((u) => (
            <li key={u.id}>{u.name}</li>
          ))}
        </ul>
      )}
    </HeadedSection>
  );
}
