import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation.ts";
import { formatOfficeDate } from "@/lib/zoned-time.ts";

export interface QueueRow {
  id: string;
  reference: string;
  status: string;
  dueAt: Date | null;
  overdue: boolean;
}

export interface QueueSummary {
  /** Cases whose next move is this user's (their roles' queue). */
  mine: { rows: QueueRow[]; total: number; totalIsLimited: boolean };
  /** Of those, the ones past their step's standard time. */
  overdue: { total: number; totalIsLimited: boolean };
  /** Every case the user may see. */
  visible: { total: number; totalIsLimited: boolean };
}

const count = (n: { total: number; totalIsLimited: boolean }) => (n.totalIsLimited ? `${n.total}+` : String(n.total));

/** The staff home: what needs this user's action (soonest due first), what is overdue, and counts. */
export async function MyQueue({ summary }: { summary: QueueSummary }) {
  const t = await getTranslations("staffHome");
  const ws = await getTranslations("workspace");
  const locale = await getLocale();
  const timeZone = await getTimeZone();
  const figures: { key: string; label: string; value: string; href: string; tone: string }[] = [
    { key: "mine", label: t("mine"), value: count(summary.mine), href: "/staff/kasus", tone: "border-brand-700" },
    {
      key: "overdue",
      label: t("overdue"),
      value: count(summary.overdue),
      href: "/staff/kasus?overdue=1",
      tone: summary.overdue.total > 0 ? "border-red-700" : "border-slate-300",
    },
    {
      key: "visible",
      label: t("visible"),
      value: count(summary.visible),
      href: "/staff/kasus?tab=all",
      tone: "border-slate-300",
    },
  ];
  return (
    <section aria-labelledby="my-queue-title" className="space-y-4" data-testid="my-queue">
      <h2 id="my-queue-title" className="text-xl font-bold text-brand-900">
        {t("title")}
      </h2>
      <ul className="grid gap-3 sm:grid-cols-3">
        {figures.map((f) => (
          <li key={f.key}>
            <Link
              href={f.href}
              className={`block rounded border-2 ${f.tone} bg-white p-3 no-underline hover:bg-brand-50`}
              data-testid={`home-count-${f.key}`}
            >
              <span className="block text-3xl font-bold text-brand-900">{f.value}</span>
              <span className="block font-semibold text-slate-800">{f.label}</span>
            </Link>
          </li>
        ))}
      </ul>
      {summary.mine.rows.length === 0 ? (
        <p>{t("nothing")}</p>
      ) : (
        <>
          <h3 className="font-bold">{t("next")}</h3>
          <ul className="divide-y divide-slate-200 rounded border border-slate-300">
            {summary.mine.rows.map((r) => (
              <li key={r.id} className="flex flex-wrap items-baseline justify-between gap-2 px-3 py-2">
                <Link
                  href={`/staff/kasus/${r.id}`}
                  className="font-semibold text-brand-700 underline underline-offset-2"
                >
                  {r.reference}
                </Link>
                <span className="text-sm">{ws(`status.${r.status}` as never)}</span>
                <span className={`text-sm ${r.overdue ? "font-semibold text-red-800" : "text-slate-700"}`}>
                  {r.dueAt
                    ? t(r.overdue ? "overdueSince" : "dueBy", {
                        date: formatOfficeDate(r.dueAt, locale, timeZone, true),
                      })
                    : t("noDeadline")}
                </span>
              </li>
            ))}
          </ul>
          <p>
            <Link href="/staff/kasus" className="font-semibold text-brand-700 underline underline-offset-2">
              {t("openQueue")}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
