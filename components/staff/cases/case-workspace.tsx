"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation.ts";
import { useTRPC } from "@/components/staff/trpc.tsx";
import { ActionPanel } from "./action-panel.tsx";
import { CaseHeader } from "./case-header.tsx";
import { CaseLetters } from "./case-letters.tsx";
import { CaseReport } from "./case-report.tsx";
import { CaseSteps } from "./case-steps.tsx";
import { CaseThread } from "./case-thread.tsx";
import { CaseTimeline } from "./case-timeline.tsx";
import { CaseDrafts, CaseExclusions, CaseMeetings, CaseReview } from "./case-work.tsx";
import { useOfficeDate } from "../labels.ts";
import { refusalOf } from "./refusal.ts";
import type { Me } from "./types.ts";
import { useCaseRevisionWatch } from "./use-case-revision.ts";
import { linkClass } from "@/components/ui/button.tsx";
import { Notice } from "@/components/ui/notice.tsx";

/** The staff case page: everything `cases.get` returns, and the action panel. */
export function CaseWorkspace({ caseId, me }: { caseId: string; me: Me }) {
  const t = useTranslations("caseFile");
  const ws = useTranslations("workspace");
  const fresh = useTranslations("caseFreshness");
  const trpc = useTRPC();
  // Every read of case content is audited: the case is read when the page opens and when its
  // revision (polled, unaudited) shows a change; never merely on focus.
  const view = useQuery({
    ...trpc.cases.get.queryOptions({ caseId }),
    refetchOnWindowFocus: false,
    refetchOnMount: "always",
    staleTime: 0,
  });
  const changedByOthersAt = useCaseRevisionWatch(caseId, view.data?.revision);
  const date = useOfficeDate();
  const back = (
    <p>
      <Link href="/staff/kasus" className={linkClass}>
        ← {t("back")}
      </Link>
    </p>
  );

  if (view.isPending)
    return (
      <>
        {back}
        <p role="status" className="mt-4">
          {ws("loading")}
        </p>
      </>
    );
  if (view.isError) {
    return (
      <div className="space-y-4">
        {back}
        <h1 id="case-title" className="text-2xl font-bold text-brand-900">
          {t("title", { reference: "" }).trim()}
        </h1>
        <Notice tone="bad" role="alert">
          {ws(`refusal.${refusalOf(view.error)}`)}
        </Notice>
      </div>
    );
  }

  const c = view.data;
  const now = new Date();
  return (
    <article aria-labelledby="case-title" className="space-y-8">
      {back}
      <CaseHeader view={c} now={now} />
      {changedByOthersAt ? (
        <div data-testid="case-updated">
          <Notice tone="info" role="status">
            {fresh("updated", { time: date(changedByOthersAt) })}
          </Notice>
        </div>
      ) : null}
      {/* Content destroyed under the retention rule: the report section says so; nothing is left to act on or read. */}
      {c.destroyedAt ? null : <ActionPanel view={c} me={me} />}
      <CaseReport view={c} />
      {c.destroyedAt ? null : (
        <>
          <CaseThread view={c} canWrite={c.actions.includes("message")} />
          {c.review ? <CaseReview review={c.review} /> : null}
          {c.meetings.length > 0 ? <CaseMeetings meetings={c.meetings} /> : null}
          {c.drafts.length > 0 ? <CaseDrafts drafts={c.drafts} /> : null}
        </>
      )}
      <CaseLetters view={c} />
      <CaseSteps view={c} />
      <CaseTimeline view={c} />
      <CaseExclusions excluded={c.excluded} />
    </article>
  );
}
