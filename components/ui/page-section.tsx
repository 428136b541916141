import type { ReactNode } from "react";

type Size = "portal" | "staff";

const TITLE: Record<Size, string> = {
  portal: "text-3xl font-bold text-brand-900",
  staff: "text-2xl font-bold text-brand-900",
};
const LEAD: Record<Size, string> = { portal: "mt-3", staff: "mt-2 text-slate-700" };

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
  size?: Size;
  leadClassName?: string;
}) {
  return (
    <>
      <h1 id={id} className={TITLE[size]}>
        {title}
      </h1>
      {lead ? <p className={`${LEAD[size]} ${leadClassName}`}>{lead}</p> : null}
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
  size?: Size;
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
