import type { ReactNode } from "react";

export type PageSize = "portal" | "staff";

export const PAGE_TITLE_CLASS: Record<PageSize, string> = {
  portal: "text-3xl font-bold text-brand-900",
  staff: "text-2xl font-bold text-brand-900",
};
export const PAGE_LEAD_CLASS: Record<PageSize, string> = { portal: "mt-3", staff: "mt-2 text-slate-700" };

/** A page's h1 and the sentence under it; `id` names the heading for aria-labelledby. */
export function PageHeading({
  id,
  title,
  lead,
  size = "staff",
  leadClassName = "",
}: {
  id: string;
  title: ReactNode;
  lead?: ReactNode;
  size?: PageSize;
  leadClassName?: string;
}) {
  return (
    <>
      <h1 id={id} className={PAGE_TITLE_CLASS[size]}>
        {title}
      </h1>
      {lead ? <p className={`${PAGE_LEAD_CLASS[size]} ${leadClassName}`}>{lead}</p> : null}
    </>
  );
}

/** A page's main section, labelled by its h1. `before` goes above the heading (a section's own navigation). */
export function PageSection({
  id,
  title,
  lead,
  size,
  className,
  leadClassName,
  before,
  children,
}: {
  id: string;
  title: ReactNode;
  lead?: ReactNode;
  size?: PageSize;
  className?: string;
  leadClassName?: string;
  before?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={className}>
      {before}
      <PageHeading id={id} title={title} lead={lead} size={size} leadClassName={leadClassName} />
      {children}
    </section>
  );
}
